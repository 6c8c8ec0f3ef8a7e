import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A one-connection WebSocket "node" on a raw socket that does what a real
/// node must not: sends garbage, stalls, claims huge frames, hangs up.
/// Runs its script on its own thread (blocking I/O), so tests stay simple.
final class HostileServer: @unchecked Sendable {
    let port: Int
    private let listener: LoopbackListener

    /// `script` runs after the TCP accept; `handshake` false leaves the upgrade unanswered.
    init(handshake: Bool = true, script: @escaping @Sendable (RawWebSocket) throws -> Void) throws {
        listener = try LoopbackListener(backlog: 4, maxConnections: 1) { connection in
            let ws = RawWebSocket(acceptedFD: connection.fd)  // the listener closes the socket
            do {
                if handshake {
                    let head = try ws.readHTTPHead()
                    let key = head.split(separator: "\r\n")
                        .first { $0.lowercased().hasPrefix("sec-websocket-key:") }
                        .map { $0.dropFirst("sec-websocket-key:".count).trimmingCharacters(in: .whitespaces) } ?? ""
                    let accept = Data(SHA1.hash(Array((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").utf8))).base64EncodedString()
                    try ws.send(Array(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: \(accept)\r\n\r\n").utf8))
                }
                try script(ws)
            } catch {}
            // Keep the socket until the client goes away, unless the script aborted it.
            _ = ws.peerClosed()
        }
        port = listener.port
    }

    deinit { listener.stop() }

    var url: String { "ws://127.0.0.1:\(port)" }
}

/// SHA-1 for the handshake's accept value only (RFC 6455 §4.2.2); not for security.
enum SHA1 {
    static func hash(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0]
        var m = message + [0x80]
        while m.count % 64 != 56 { m.append(0) }
        let bits = UInt64(message.count) * 8
        for shift in stride(from: 56, through: 0, by: -8) { m.append(UInt8((bits >> UInt64(shift)) & 0xFF)) }
        for chunk in stride(from: 0, to: m.count, by: 64) {
            var w = [UInt32](repeating: 0, count: 80)
            for i in 0..<16 {
                w[i] = UInt32(m[chunk + 4 * i]) << 24 | UInt32(m[chunk + 4 * i + 1]) << 16
                    | UInt32(m[chunk + 4 * i + 2]) << 8 | UInt32(m[chunk + 4 * i + 3])
            }
            for i in 16..<80 {
                let x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]
                w[i] = x << 1 | x >> 31
            }
            var (a, b, c, d, e) = (h[0], h[1], h[2], h[3], h[4])
            for i in 0..<80 {
                let (f, k): (UInt32, UInt32)
                switch i {
                case 0..<20: (f, k) = ((b & c) | (~b & d), 0x5A82_7999)
                case 20..<40: (f, k) = (b ^ c ^ d, 0x6ED9_EBA1)
                case 40..<60: (f, k) = ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
                default: (f, k) = (b ^ c ^ d, 0xCA62_C1D6)
                }
                let t = (a << 5 | a >> 27) &+ f &+ e &+ k &+ w[i]
                (e, d, c, b, a) = (d, c, b << 30 | b >> 2, a, t)
            }
            h[0] = h[0] &+ a; h[1] = h[1] &+ b; h[2] = h[2] &+ c; h[3] = h[3] &+ d; h[4] = h[4] &+ e
        }
        return h.flatMap { v in [24, 16, 8, 0].map { UInt8((v >> UInt32($0)) & 0xFF) } }
    }
}
