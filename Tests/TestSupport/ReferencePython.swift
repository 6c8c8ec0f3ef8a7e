import Foundation

/// Runs Python with the independent reference clients (py-substrate-interface,
/// scalecodec, py-sr25519-bindings) that `scripts/test` installs in `.venv`.
///
/// Cross-checks against them are the proof that our codecs and crypto agree
/// with implementations we did not write.
public enum ReferencePython {
    /// `$KHALATOP_PYTHON`, else `<root>/.venv/bin/python3` when present.
    public static var interpreter: String? {
        if let p = ProcessInfo.processInfo.environment["KHALATOP_PYTHON"], !p.isEmpty,
           FileManager.default.isExecutableFile(atPath: p) { return p }
        let venv = Fixtures.packageRoot.appendingPathComponent(".venv/bin/python3").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : nil
    }

    /// True when the reference venv is installed.
    public static var available: Bool { interpreter != nil }

    /// In CI the cross-checks must run: a missing venv is a failure there, not a skip.
    public static var required: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    public static let missingMessage =
        "skipped: the reference Python venv is missing (run scripts/test, or set KHALATOP_PYTHON)"

    public struct Failure: Error, CustomStringConvertible {
        public let status: Int32
        public let stderr: String
        public var description: String { "python exited \(status): \(stderr)" }
    }

    /// Runs `script` with `stdin` as standard input; returns standard output.
    public static func run(_ script: String, arguments: [String] = [], stdin: String = "") throws -> String {
        guard let python = interpreter else { throw Failure(status: -1, stderr: missingMessage) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script] + arguments
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        process.standardInput = inPipe
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        inPipe.fileHandleForWriting.write(Data(stdin.utf8))
        try inPipe.fileHandleForWriting.close()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(status: process.terminationStatus, stderr: String(decoding: err, as: UTF8.self))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
