import ChainEngine
import Foundation
import SubstrateRPC
import TestSupport
import Testing

/// wss:// against a local TLS WebSocket endpoint whose certificate is signed
/// by a throw-away CA: refused with the system trust store alone, accepted
/// once that CA is given as the extra CA file (issue 6).
struct TLSClientTests {
    /// A stdlib-only Python TLS WebSocket endpoint: answers one JSON-RPC call per connection.
    static let server = """
    import base64, hashlib, json, socket, ssl, sys
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); ctx.load_cert_chain(sys.argv[1], sys.argv[2])
    ls = socket.socket(); ls.bind(('127.0.0.1', 0)); ls.listen(4)
    print(ls.getsockname()[1], flush=True)
    ls.settimeout(180)
    for _ in range(2):
        try:
            raw, _ = ls.accept()
            conn = ctx.wrap_socket(raw, server_side=True)
        except Exception:
            continue
        f = conn.makefile('rb')
        head = b''
        while not head.endswith(b'\\r\\n\\r\\n'):
            head += f.read(1)
        key = [l.split(b':', 1)[1].strip() for l in head.split(b'\\r\\n') if l.lower().startswith(b'sec-websocket-key')][0]
        acc = base64.b64encode(hashlib.sha1(key + b'258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest())
        conn.sendall(b'HTTP/1.1 101 Switching Protocols\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Accept: ' + acc + b'\\r\\n\\r\\n')
        b0, b1 = f.read(2)
        n = b1 & 0x7f
        if n == 126: n = int.from_bytes(f.read(2), 'big')
        elif n == 127: n = int.from_bytes(f.read(8), 'big')
        mask = f.read(4); data = bytes(c ^ mask[i % 4] for i, c in enumerate(f.read(n)))
        req = json.loads(data)
        body = json.dumps({'jsonrpc': '2.0', 'result': 'tls-ok', 'id': req['id']}).encode()
        conn.sendall(bytes([0x81, len(body)]) + body)
        try:
            f.read(2)
        except Exception:
            pass
        conn.close()
    """

    static func openssl(_ args: [String], in dir: URL) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        p.arguments = args
        p.currentDirectoryURL = dir
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw RawWebSocket.Failure(description: "openssl \(args.first ?? "") failed") }
    }

    static var opensslAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") }

    @Test(.enabled(if: opensslAvailable && (ReferencePython.available || ReferencePython.required), "needs openssl and python"))
    func extraCAFileIsTrustedAndSystemStoreAloneIsNot() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("khalatop-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try await offPool {
            try Self.openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                         "-subj", "/CN=khalatop test CA"], in: dir)
            try Self.openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                         "-subj", "/CN=localhost"], in: dir)
            try "subjectAltName=DNS:localhost\n".write(to: dir.appendingPathComponent("san.ext"), atomically: true, encoding: .utf8)
            try Self.openssl(["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                         "-out", "server.pem", "-days", "2", "-extfile", "san.ext"], in: dir)
        }
        let python = try #require(ReferencePython.interpreter)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", Self.server, dir.appendingPathComponent("server.pem").path, dir.appendingPathComponent("server.key").path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        defer { process.terminate() }
        let portLine = try await offPool { () -> String in
            var line: [UInt8] = []
            while let byte = try out.fileHandleForReading.read(upToCount: 1)?.first, byte != 0x0A { line.append(byte) }
            return String(decoding: line, as: UTF8.self)
        }
        let port = try #require(Int(portLine))
        // A host name, as for a real node (TLS to an IP literal is refused by design, see below).
        let url = "wss://localhost:\(port)"

        let untrusting = RPCClient(configuration: RPCClientConfiguration(connectTimeoutSeconds: 60))
        do {
            try await untrusting.connect(url: url)
            Issue.record("a certificate from an unknown CA was accepted")
        } catch let RPCClientError.connectFailed(_, reason) {
            #expect(!reason.isEmpty)
        }

        let trusting = RPCClient(configuration: RPCClientConfiguration(
            connectTimeoutSeconds: 60, extraCAFile: dir.appendingPathComponent("ca.pem").path))
        try await trusting.connect(url: url)
        #expect(try await trusting.call("system_name", timeoutSeconds: 60) == "tls-ok")
        await trusting.disconnect()

        // wss:// to an IP address: a clear typed error before any I/O.
        await #expect(throws: RPCClientError.self) { try await trusting.connect(url: "wss://127.0.0.1:\(port)") }
    }
}
