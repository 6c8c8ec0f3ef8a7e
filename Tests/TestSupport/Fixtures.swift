import Foundation

/// Locates the real Phala data in `../shared/fixtures/` (beside the checkout).
///
/// The fixtures are never copied into the repository; tests that need them
/// are disabled with a clear message when the folder is absent, so the
/// README's test command still passes on a fresh machine.
public enum Fixtures {
    /// The package root, derived from this file's location.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // root

    /// `$KHALATOP_SHARED/fixtures` if set, else `<root>/../shared/fixtures`.
    public static let directory: URL = {
        if let shared = ProcessInfo.processInfo.environment["KHALATOP_SHARED"], !shared.isEmpty {
            return URL(fileURLWithPath: shared).appendingPathComponent("fixtures")
        }
        return packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared").appendingPathComponent("fixtures")
    }()

    /// True when the fixtures folder is present.
    public static var available: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("README.md").path)
    }

    /// The message a skipped test shows.
    public static let missingMessage =
        "skipped: ../shared/fixtures is not beside this checkout (set KHALATOP_SHARED to its parent)"

    public static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    public static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    public static func bytes(_ name: String) throws -> [UInt8] { [UInt8](try data(name)) }

    /// `reference-vectors.json` as a JSON object tree.
    public static func referenceVectors() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: try data("reference-vectors.json"))
        guard let dict = object as? [String: Any] else { throw FixtureError.malformed("reference-vectors.json") }
        return dict
    }
}

public enum FixtureError: Error, CustomStringConvertible {
    case malformed(String)
    public var description: String {
        switch self { case .malformed(let f): return "fixture \(f) is malformed" }
    }
}

/// Hex helpers for tests (the production ones live in the modules).
public func hexBytes(_ s: String) -> [UInt8] {
    var s = Substring(s)
    if s.hasPrefix("0x") { s = s.dropFirst(2) }
    var out: [UInt8] = []
    out.reserveCapacity(s.count / 2)
    var it = s.makeIterator()
    while let a = it.next(), let b = it.next() {
        out.append(UInt8(String([a, b]), radix: 16)!)
    }
    return out
}

public func hexString(_ b: some Sequence<UInt8>, prefix: Bool = true) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = prefix ? Array("0x".utf8) : []
    for x in b { out.append(digits[Int(x >> 4)]); out.append(digits[Int(x & 15)]) }
    return String(decoding: out, as: UTF8.self)
}
