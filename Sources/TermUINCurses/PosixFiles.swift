import Glibc

/// Small POSIX file helpers for the theme loader (`ThemeLoader.FileReader`) and
/// directory listing, so callers need not pull Foundation into the terminal path.
public enum PosixFiles {
    /// Largest file read (themes are a few kilobytes).
    public static let maxBytes = 1 << 20

    /// A file that exists but could not be read (permissions, too large), with errno.
    public struct ReadError: Error, CustomStringConvertible {
        public var path: String
        public var errno: Int32
        public var description: String { "\(path): errno \(errno)" }
    }

    /// The file's text; nil when it does not exist; throws on other errors or
    /// when it is larger than `maxBytes`.
    public static func readText(_ path: String) throws -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw ReadError(path: path, errno: errno)
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, errno: errno)
            }
            if n == 0 { break }
            bytes += chunk[0..<n]
            if bytes.count > maxBytes { throw ReadError(path: path, errno: EFBIG) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Names in a directory (empty when it does not exist).
    public static func list(_ directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
