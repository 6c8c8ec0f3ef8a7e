import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A fake pRuntime on loopback that misbehaves on purpose (issue 8 tests):
/// answers with scripted raw bytes, stalls, closes mid-body, or streams an
/// endless body. Plain sockets and threads, so it shares nothing with the
/// client under test.
final class HostilePRuntime: @unchecked Sendable {
    enum Behavior: Sendable {
        /// Write these bytes after the request, then close.
        case reply([UInt8])
        /// Read the request and never answer (the connection stays open).
        case stall
        /// A 200 head with chunked encoding and chunks forever (until the client goes).
        case endlessBody
        /// The reply for the first request-line prefix that matches (e.g. "GET /info"), else 404.
        case byRequest([(String, [UInt8])])
    }

    let port: Int
    let behavior: Behavior
    private let listener: LoopbackListener

    init(_ behavior: Behavior) throws {
        self.behavior = behavior
        listener = try LoopbackListener { connection in HostilePRuntime.serve(connection, behavior) }
        port = listener.port
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// An HTTP/1.1 response with a body.
    static func http(status: String = "200 OK", contentType: String = "application/json", _ body: [UInt8],
                     contentLength: Int? = nil) -> [UInt8] {
        Array("HTTP/1.1 \(status)\r\nContent-Type: \(contentType)\r\nContent-Length: \(contentLength ?? body.count)\r\nConnection: close\r\n\r\n".utf8) + body
    }

    /// Stops listening and cuts every connection.
    func stop() { listener.stop() }

    /// Answers one connection as `behavior` says; the listener closes it on return.
    private static func serve(_ connection: LoopbackListener.Connection, _ behavior: Behavior) {
        let fd = connection.fd
        // Read the request head (and a small body, if any).
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while request.count < 65_536 {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { return }
            request += buffer[0..<n]
            if let end = Self.headEnd(request) {
                let head = String(decoding: request[..<end], as: UTF8.self).lowercased()
                let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                if request.count - end >= length { break }
            }
        }
        switch behavior {
        case .byRequest(let routes):
            let line = String(decoding: request.prefix { $0 != 13 }, as: UTF8.self)
            let reply = routes.first { line.hasPrefix($0.0) }?.1 ?? Self.http(status: "404 Not Found", Array("not found".utf8))
            write(fd, reply)
            shutdown(fd, Int32(SHUT_WR))
            connection.waitForClose()
        case .reply(let bytes):
            write(fd, bytes)
            shutdown(fd, Int32(SHUT_WR))
            connection.waitForClose()
        case .stall:
            connection.waitForClose()  // never answers; stop() cuts it
        case .endlessBody:
            guard write(fd, Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)) else { return }
            let chunk = Array("10000\r\n".utf8) + [UInt8](repeating: 0x20, count: 65_536) + Array("\r\n".utf8)
            for _ in 0..<4096 where write(fd, chunk) {}  // at most 256 MiB, stops when the client closes
        }
    }

    @discardableResult
    private static func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            sent += n
        }
        return true
    }

    static func headEnd(_ b: [UInt8]) -> Int? {
        guard b.count >= 4 else { return nil }
        for i in 0...(b.count - 4) where b[i] == 13 && b[i + 1] == 10 && b[i + 2] == 13 && b[i + 3] == 10 { return i + 4 }
        return nil
    }
}
