import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A deliberately minimal WebSocket client on a raw socket, for tests that
/// must send what a well-behaved client never would (malformed JSON, huge
/// frames) or stop reading on purpose.
final class RawWebSocket {
    struct Failure: Error, CustomStringConvertible { let description: String }

    let fd: Int32
    /// Whether deinit closes `fd` (a `HostileServer` connection is closed by its listener).
    private let ownsFD: Bool
    private var buffer: [UInt8] = []

    init(port: Int, receiveBufferBytes: Int? = nil, handshake: Bool = true, receiveTimeoutMs: Int = 60_000) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        ownsFD = true
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        if let size = receiveBufferBytes {
            var v = Int32(size)
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &v, socklen_t(MemoryLayout<Int32>.size))
        }
        var timeout = timeval(tv_sec: receiveTimeoutMs / 1000, tv_usec: (receiveTimeoutMs % 1000) * 1000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else {
            close(fd)
            throw Failure(description: "connect() failed")
        }
        if handshake { try self.handshake() }
    }

    /// Wraps an accepted socket (server side of `HostileServer`), which its listener closes.
    init(acceptedFD: Int32) {
        fd = acceptedFD
        ownsFD = false
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { if ownsFD { close(fd) } }

    /// Shuts the socket down now (an abrupt close, no WebSocket close frame).
    func abort() { shutdown(fd, Int32(SHUT_RDWR)) }

    /// Sends one unmasked frame header claiming `length` bytes, then `payload`.
    func sendServerFrame(_ payload: [UInt8], opcode: UInt8 = 0x1, claimedLength: Int? = nil) throws {
        let n = claimedLength ?? payload.count
        var frame: [UInt8] = [0x80 | opcode]
        if n < 126 {
            frame.append(UInt8(n))
        } else if n <= 0xFFFF {
            frame += [126, UInt8(n >> 8), UInt8(n & 0xFF)]
        } else {
            frame.append(127)
            for shift in stride(from: 56, through: 0, by: -8) { frame.append(UInt8((UInt64(n) >> UInt64(shift)) & 0xFF)) }
        }
        try send(frame + payload)
    }

    func handshake() throws {
        let request = "GET /any/path HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        try send(Array(request.utf8))
        let head = try readHTTPHead()
        guard head.hasPrefix("HTTP/1.1 101") else { throw Failure(description: "no upgrade: \(head)") }
        // RFC 6455 §1.3 sample key → this accept value.
        guard head.contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=") else { throw Failure(description: "bad accept: \(head)") }
    }

    func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "send failed") }
            sent += n
        }
    }

    /// Sends one masked frame (text by default).
    func sendFrame(_ payload: [UInt8], opcode: UInt8 = 0x1, fin: Bool = true) throws {
        var frame: [UInt8] = [(fin ? 0x80 : 0) | opcode]
        let n = payload.count
        if n < 126 {
            frame.append(0x80 | UInt8(n))
        } else if n <= 0xFFFF {
            frame.append(0x80 | 126)
            frame += [UInt8(n >> 8), UInt8(n & 0xFF)]
        } else {
            frame.append(0x80 | 127)
            for shift in stride(from: 56, through: 0, by: -8) { frame.append(UInt8((UInt64(n) >> UInt64(shift)) & 0xFF)) }
        }
        let mask: [UInt8] = [0x12, 0x34, 0x56, 0x78]
        frame += mask
        frame.reserveCapacity(frame.count + n)
        for (i, b) in payload.enumerated() { frame.append(b ^ mask[i & 3]) }
        try send(frame)
    }

    func sendText(_ text: String) throws { try sendFrame(Array(text.utf8)) }

    private func fill(_ needed: Int) throws {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while buffer.count < needed {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { throw Failure(description: "connection closed or timed out while reading") }
            buffer += chunk[0..<n]
        }
    }

    func readHTTPHead() throws -> String {
        while true {
            if let r = buffer.firstRange(of: Array("\r\n\r\n".utf8)) {
                let head = String(decoding: buffer[..<r.lowerBound], as: UTF8.self)
                buffer.removeSubrange(..<r.upperBound)
                return head
            }
            try fill(buffer.count + 1)
        }
    }

    /// Reads whatever HTTP response arrives (head and body by Content-Length).
    func readHTTPResponse() throws -> (head: String, body: String) {
        let head = try readHTTPHead()
        var length = 0
        for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
            length = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? 0
        }
        try fill(length)
        let body = String(decoding: buffer[..<length], as: UTF8.self)
        buffer.removeSubrange(..<length)
        return (head, body)
    }

    /// Reads one unmasked server frame: (opcode, payload).
    func readFrame() throws -> (opcode: UInt8, payload: [UInt8]) {
        try fill(2)
        let opcode = buffer[0] & 0x0F
        var length = Int(buffer[1] & 0x7F)
        var offset = 2
        if length == 126 {
            try fill(4)
            length = Int(buffer[2]) << 8 | Int(buffer[3])
            offset = 4
        } else if length == 127 {
            try fill(10)
            length = 0
            for k in 2..<10 { length = length << 8 | Int(buffer[k]) }
            offset = 10
        }
        var mask: [UInt8]? = nil
        if buffer[1] & 0x80 != 0 {
            try fill(offset + 4)
            mask = Array(buffer[offset..<(offset + 4)])
            offset += 4
        }
        try fill(offset + length)
        var payload = Array(buffer[offset..<(offset + length)])
        buffer.removeSubrange(..<(offset + length))
        if let mask { for i in payload.indices { payload[i] ^= mask[i & 3] } }
        return (opcode, payload)
    }

    /// Reads the next text message as a string.
    func readText() throws -> String {
        while true {
            let (op, payload) = try readFrame()
            if op == 0x1 { return String(decoding: payload, as: UTF8.self) }
            if op == 0x8 { throw Failure(description: "server closed: \(payload)") }
        }
    }

    /// Drains the socket; true when the peer closed it (EOF or reset), false
    /// when the receive timeout passed with the connection still open.
    func peerClosed() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { return true }
            if n < 0 { return errno != EAGAIN && errno != EWOULDBLOCK }
        }
    }
}

extension RawWebSocket: @unchecked Sendable {}

/// Runs blocking socket code on its own thread, so it never starves the
/// (two-thread, on this machine) cooperative pool the server and client use.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
        }
        thread.start()
    }
}
