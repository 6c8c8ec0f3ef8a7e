import Devnet
import Dispatch
import Foundation
import SubstrateRPC
import TestSupport
import Testing

/// `khalatop status --tls-ca FILE` (issue 6 transport: wss:// verified
/// against the system trust store plus an extra CA) against a devnet served
/// over TLS on loopback, with a certificate for `localhost` signed by a CA
/// made up for this test: without the flag the certificate is refused (exit
/// 2, the reason names the certificate problem); with it the fleet loads.
@Suite(.serialized, .enabled(if: KhalatopBinary.exists && OpenSSLTool.available, "needs the built khalatop binary and /usr/bin/openssl"))
struct StatusTLSTests {
    static let openssl = OpenSSLTool.path

    /// A throw-away CA and a `localhost` server certificate it signed, in `dir`.
    static func makeCertificates(in dir: URL) async throws {
        func run(_ args: [String]) async throws {
            let status = try await withCheckedThrowingContinuation { (c: CheckedContinuation<Int32, any Error>) in
                DispatchQueue.global().async {
                    do {
                        let p = Process()
                        p.executableURL = URL(fileURLWithPath: openssl)
                        p.arguments = args
                        p.currentDirectoryURL = dir
                        p.standardOutput = FileHandle.nullDevice
                        p.standardError = FileHandle.nullDevice
                        try p.run()
                        p.waitUntilExit()
                        c.resume(returning: p.terminationStatus)
                    } catch { c.resume(throwing: error) }
                }
            }
            guard status == 0 else { throw OpenSSLFailed(command: args.first ?? "") }
        }
        try await run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                       "-subj", "/CN=khalatop status test CA"])
        try await run(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost"])
        try "subjectAltName=DNS:localhost\n".write(to: dir.appendingPathComponent("san.ext"), atomically: true, encoding: .utf8)
        try await run(["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                       "-out", "server.pem", "-days", "2", "-extfile", "san.ext"])
    }

    struct OpenSSLFailed: Error { var command: String }

    @Test func statusTrustsTheExtraCAOnlyWhenGiven() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("khalatop-status-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try await Self.makeCertificates(in: dir)

        var c = DevnetConfig()
        c.workers = 4
        c.pools = 2
        let node = DevnetNode(config: c)
        await node.produceBlocks(3)
        var serverConfig = RPCServerConfiguration(port: 0)
        serverConfig.tls = RPCServerTLS(certificateChainPEMFile: dir.appendingPathComponent("server.pem").path,
                                        privateKeyPEMFile: dir.appendingPathComponent("server.key").path)
        let server = try await RPCServer.start(handler: node, configuration: serverConfig)
        defer { Task { await server.shutdown() } }
        #expect(server.webSocketURL.hasPrefix("wss://"))
        let url = "wss://localhost:\(server.port)"
        let base = ["status", "--rpc", url, "--pool", "0", "--pool", "1", "--timeout", "20"]

        let refused = try await TxCommandTests.khalatop(base)
        #expect(refused.status == 2, "stdout \(refused.stdout) stderr \(refused.stderr)")
        #expect(refused.stderr.lowercased().contains("certificate"), "the reason names the certificate problem: \(refused.stderr)")
        print("status without --tls-ca: exit \(refused.status): \(refused.stderr)")

        let trusted = try await TxCommandTests.khalatop(base + ["--json", "--tls-ca", dir.appendingPathComponent("ca.pem").path])
        #expect(trusted.status == 0 || trusted.status == 1, "stdout \(trusted.stdout) stderr \(trusted.stderr)")
        let json = try JSONParser.parse(trusted.stdout)
        #expect(json["workers"]?.arrayValue?.count == 4, "\(trusted.stdout)")
        #expect(json["endpoint"]?.stringValue == url)

        let missing = try await TxCommandTests.khalatop(base + ["--tls-ca", dir.appendingPathComponent("nope.pem").path])
        #expect(missing.status == 64, "a usage error, not an unreachable node: \(missing.stderr)")
        #expect(missing.stderr.contains("nope.pem"))
    }
}

/// The openssl command-line tool, used to make throw-away certificates.
enum OpenSSLTool {
    static let path = "/usr/bin/openssl"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: path) }
}
