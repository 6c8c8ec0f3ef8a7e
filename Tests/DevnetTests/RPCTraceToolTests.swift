import Foundation
import Testing
import TestSupport
@testable import Devnet

/// `../shared/tools/rpc_trace.py client ws://127.0.0.1:PORT` runs clean
/// against the devnet (issue 5): connect, query, head subscription, sign and
/// submit with ed25519 and sr25519.
@Suite(.enabled(if: (ReferencePython.available || ReferencePython.required) && Fixtures.available,
                "needs the reference Python venv and ../shared"))
struct RPCTraceToolTests {
    @Test func rpcTraceClientRunsClean() async throws {
        let tool = Fixtures.directory.deletingLastPathComponent().appendingPathComponent("tools/rpc_trace.py")
        try #require(FileManager.default.fileExists(atPath: tool.path), "rpc_trace.py at \(tool.path)")
        var config = DevnetConfig()
        config.blockTimeSeconds = 0.2
        let node = DevnetNode(config: config)
        let server = try await RPCServer.start(handler: node)
        await node.startTimer()
        defer { Task { await node.stopTimer(); await server.shutdown() } }
        let script = """
            import runpy, sys
            sys.path.insert(0, sys.argv[1].rsplit('/', 1)[0])
            sys.argv = [sys.argv[1], 'client', sys.argv[2]]
            runpy.run_path(sys.argv[0], run_name='__main__')
            """
        let out = try await runPython(script, arguments: [tool.path, server.webSocketURL])
        #expect(out.contains("== done"), "\(out)")
        #expect(out.contains("submit: 0x"))
    }
}
