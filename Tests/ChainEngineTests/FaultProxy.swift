import Foundation
import Synchronization
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A TCP proxy between the engine and a node that can misbehave on the
/// node's behalf at the WebSocket level: inject frames the node never sent
/// (malformed JSON, notifications for unknown subscriptions, a frame header
/// claiming 50 MB), or cut every connection mid-stream. Server → client
/// bytes are forwarded frame by frame so injections land between frames.
final class FaultProxy: @unchecked Sendable {
    let port: Int
    let upstreamPort: Int
    private let pending = Mutex<[[UInt8]]>([])
    private var listener: LoopbackListener!

    init(upstreamPort: Int) throws {
        self.upstreamPort = upstreamPort
        let box = WeakProxy()
        listener = try LoopbackListener { connection in box.proxy?.relay(connection) }
        port = listener.port
        box.proxy = self
    }

    private final class WeakProxy: @unchecked Sendable {
        weak var proxy: FaultProxy?
    }

    var url: String { "ws://127.0.0.1:\(port)" }

    /// Queues raw bytes to write to the client between two frames.
    func inject(_ bytes: [UInt8]) { pending.withLock { $0.append(bytes) } }

    /// An unmasked, final text frame.
    static func textFrame(_ text: String) -> [UInt8] {
        let payload = Array(text.utf8)
        var f: [UInt8] = [0x81]
        if payload.count < 126 {
            f.append(UInt8(payload.count))
        } else if payload.count < 65_536 {
            f += [126, UInt8(payload.count >> 8), UInt8(payload.count & 0xff)]
        } else {
            f.append(127)
            for s in stride(from: 56, through: 0, by: -8) { f.append(UInt8((UInt64(payload.count) >> UInt64(s)) & 0xff)) }
        }
        return f + payload
    }

    /// A text frame header claiming `claimed` bytes, followed by `sent` bytes of it.
    static func hugeFrameStart(claimed: Int, sent: Int) -> [UInt8] {
        var f: [UInt8] = [0x81, 127]
        for s in stride(from: 56, through: 0, by: -8) { f.append(UInt8((UInt64(claimed) >> UInt64(s)) & 0xff)) }
        return f + [UInt8](repeating: 0x20, count: sent)
    }

    /// Cuts every open connection (both directions) at once.
    func cutAll() { listener.cutAll() }

    func stop() { listener.stop() }

    /// One client connection: its own upstream connection, a pump thread
    /// client → node and this thread node → client; both sockets are closed
    /// once both directions are done.
    private func relay(_ connection: LoopbackListener.Connection) {
        let client = connection.fd
        guard let upstream = LoopbackSocket.connect(port: upstreamPort) else { return }
        listener.track(upstream)
        let pumped = DispatchSemaphore(value: 0)
        Thread {
            Self.pump(from: client, to: upstream)
            pumped.signal()
        }.start()
        downstream(from: upstream, to: client)
        pumped.wait()
        listener.release(upstream)
    }

    private static func pump(from a: Int32, to b: Int32) {
        var buf = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(a, &buf, buf.count)
            if n <= 0 { break }
            if !writeAll(b, Array(buf[0..<n])) { break }
        }
        shutdown(a, Int32(SHUT_RDWR)); shutdown(b, Int32(SHUT_RDWR))
    }

    @discardableResult
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var off = 0
        while off < bytes.count {
            let n = bytes[off...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return false }
            off += n
        }
        return true
    }

    /// Node → client: the HTTP upgrade answer verbatim, then whole frames, with injections between them.
    private func downstream(from up: Int32, to client: Int32) {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var inHandshake = true
        defer { shutdown(up, Int32(SHUT_RDWR)); shutdown(client, Int32(SHUT_RDWR)) }
        while true {
            if !inHandshake {
                let queued = pending.withLock { q in defer { q = [] }; return q }
                for bytes in queued where !Self.writeAll(client, bytes) { return }
            }
            var p = pollfd(fd: up, events: Int16(POLLIN), revents: 0)
            let r = poll(&p, 1, 20)
            if r < 0 { return }
            if r == 0 { continue }
            let n = read(up, &chunk, chunk.count)
            if n <= 0 { return }
            buffer += chunk[0..<n]
            if inHandshake {
                guard let end = Self.headerEnd(buffer) else { continue }
                if !Self.writeAll(client, Array(buffer[0..<end])) { return }
                buffer.removeFirst(end)
                inHandshake = false
            }
            while let size = Self.frameSize(buffer), buffer.count >= size {
                if !Self.writeAll(client, Array(buffer[0..<size])) { return }
                buffer.removeFirst(size)
                let queued = pending.withLock { q in defer { q = [] }; return q }
                for bytes in queued where !Self.writeAll(client, bytes) { return }
            }
        }
    }

    static func headerEnd(_ b: [UInt8]) -> Int? {
        guard b.count >= 4 else { return nil }
        for i in 0...(b.count - 4) where b[i] == 13 && b[i + 1] == 10 && b[i + 2] == 13 && b[i + 3] == 10 { return i + 4 }
        return nil
    }

    /// Total size of the frame at the start of `b`, once its header is complete.
    static func frameSize(_ b: [UInt8]) -> Int? {
        guard b.count >= 2 else { return nil }
        var len = Int(b[1] & 0x7f)
        var header = 2
        if len == 126 {
            guard b.count >= 4 else { return nil }
            len = Int(b[2]) << 8 | Int(b[3])
            header = 4
        } else if len == 127 {
            guard b.count >= 10 else { return nil }
            len = 0
            for i in 2..<10 { len = len << 8 | Int(b[i]) }
            header = 10
        }
        if b[1] & 0x80 != 0 { header += 4 }
        return header + len
    }
}
