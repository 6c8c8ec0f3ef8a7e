import ChainEngine
import Foundation
import SubstrateRPC
import TestSupport
import Testing

/// permessage-deflate (RFC 7692): when the node accepts the client's offer,
/// compressed frames (RSV1 set) are inflated, even far above one frame's
/// compressed size; when the client does not offer it, nothing is negotiated.
struct CompressionClientTests {
    /// Stdlib-only Python endpoint: answers `big` with a 4 MiB result, deflated
    /// when the client offered permessage-deflate; reports what it negotiated.
    static let server = """
    import base64, hashlib, json, socket, sys, zlib
    ls = socket.socket(); ls.bind(('127.0.0.1', 0)); ls.listen(4)
    print(ls.getsockname()[1], flush=True)
    ls.settimeout(180)
    for _ in range(2):
        try:
            conn, _ = ls.accept()
        except Exception:
            break
        f = conn.makefile('rb')
        head = b''
        while not head.endswith(b'\\r\\n\\r\\n'):
            head += f.read(1)
        lines = head.split(b'\\r\\n')
        key = [l.split(b':', 1)[1].strip() for l in lines if l.lower().startswith(b'sec-websocket-key')][0]
        offered = any(l.lower().startswith(b'sec-websocket-extensions') and b'permessage-deflate' in l for l in lines)
        acc = base64.b64encode(hashlib.sha1(key + b'258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest())
        ext = b'Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover; client_no_context_takeover\\r\\n' if offered else b''
        conn.sendall(b'HTTP/1.1 101 Switching Protocols\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Accept: ' + acc + b'\\r\\n' + ext + b'\\r\\n')
        b0, b1 = f.read(2)
        n = b1 & 0x7f
        if n == 126: n = int.from_bytes(f.read(2), 'big')
        elif n == 127: n = int.from_bytes(f.read(8), 'big')
        mask = f.read(4); data = bytes(c ^ mask[i % 4] for i, c in enumerate(f.read(n)))
        if b0 & 0x40:
            data = zlib.decompressobj(-15).decompress(data + b'\\x00\\x00\\xff\\xff')
        req = json.loads(data)
        body = json.dumps({'jsonrpc': '2.0', 'result': {'offered': offered, 'blob': '0123456789abcdef' * 262144}, 'id': req['id']}).encode()
        first = 0x81
        if offered:
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            body = c.compress(body) + c.flush(zlib.Z_SYNC_FLUSH)
            body = body[:-4]
            first = 0xC1
        n = len(body)
        hdr = bytes([first, 126]) + n.to_bytes(2, 'big') if n < 65536 else bytes([first, 127]) + n.to_bytes(8, 'big')
        conn.sendall(hdr + body)
        try:
            f.read(2)
        except Exception:
            pass
        conn.close()
    """

    @Test(.enabled(if: ReferencePython.available || ReferencePython.required, "needs the reference Python venv"))
    func deflatedResponsesAreInflated() async throws {
        let python = try #require(ReferencePython.interpreter)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", Self.server]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        defer { process.terminate() }
        let portLine = try await offPool { () -> String in
            var line: [UInt8] = []
            while let byte = try out.fileHandleForReading.read(upToCount: 1)?.first, byte != 0x0A { line.append(byte) }
            return String(decoding: line, as: UTF8.self)
        }
        let url = "ws://127.0.0.1:\(try #require(Int(portLine)))"
        let expectedBlob = String(repeating: "0123456789abcdef", count: 262_144)

        let compressing = RPCClient(configuration: RPCClientConfiguration(offerCompression: true))
        try await compressing.connect(url: url)
        let r1 = try await compressing.call("big", timeoutSeconds: 120)
        #expect(r1["offered"] == true)
        #expect(r1["blob"]?.stringValue == expectedBlob)
        await compressing.disconnect()

        let plain = RPCClient(configuration: RPCClientConfiguration(offerCompression: false))
        try await plain.connect(url: url)
        let r2 = try await plain.call("big", timeoutSeconds: 120)
        #expect(r2["offered"] == false)
        #expect(r2["blob"]?.stringValue == expectedBlob)
        await plain.disconnect()
    }
}
