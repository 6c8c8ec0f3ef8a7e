import Foundation
import Logging

/// An append-only log file shared by every logger of the process (STYLE.md
/// 10: nothing reaches stdout/stderr while curses owns the screen). Opened
/// 0600; a file that cannot be opened makes logging silent, never fatal.
final class LogFile: @unchecked Sendable {  // `fd` is immutable; writes are serialized by `lock`
    private let fd: Int32
    private let lock = NSLock()

    init(path: String) {
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    }

    deinit { if fd >= 0 { close(fd) } }

    func write(_ line: String) {
        guard fd >= 0 else { return }
        let bytes = Array(line.utf8)
        lock.lock()
        defer { lock.unlock() }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            offset += n
        }
    }
}

/// A swift-log handler writing one line per record to a `LogFile`.
struct FileLogHandler: LogHandler {
    let label: String
    let file: LogFile
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        let meta = all.isEmpty ? "" : " " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let stamp = ISO8601DateFormatter().string(from: Date())
        file.write("\(stamp) \(event.level) \(label):\(meta) \(event.message)\n")
    }
}
