import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import SubstrateRPC
import WSClient
import WSCompression

/// Opening and closing the WebSocket (hummingbird's WSClient: ws/wss over
/// NIO with NIOSSL, permessage-deflate, configurable frame limit).
extension RPCClient {
    /// Connects to `url` (`ws://` or `wss://`) and returns once the WebSocket is open.
    public func connect(url: String) async throws {
        switch state {
        case .connecting, .connected: throw RPCClientError.alreadyConnected
        default: break
        }
        let lower = url.lowercased()
        guard lower.hasPrefix("ws://") || lower.hasPrefix("wss://"), let host = URL(string: url)?.host, !host.isEmpty else {
            throw RPCClientError.invalidURL(url)
        }
        // WSClient always sends the URL host as TLS SNI, which NIOSSL refuses for
        // IP literals; say so plainly instead of failing inside the handshake.
        if lower.hasPrefix("wss://"), RPCClient.isIPLiteral(host) {
            throw RPCClientError.tlsConfiguration("wss:// needs a host name (for SNI and certificate checks), not the IP address \(host)")
        }
        let tls = try makeTLSConfiguration()
        generation += 1
        let gen = generation
        let (outgoing, outbox) = AsyncStream<String>.makeStream(bufferingPolicy: .unbounded)
        self.outbox = outbox
        state = .connecting(url: url)
        let wsConfig = webSocketConfiguration()
        let maxBytes = configuration.maxMessageBytes
        let logger: Logger = {
            var l = Logger(label: "khalatop.engine.rpc")
            l.logLevel = .critical  // failures reach the engine as typed errors instead
            return l
        }()

        try await withCheckedThrowingContinuation { (waiter: CheckedContinuation<Void, any Error>) in
            connectWaiter = waiter
            let connectTimeout = configuration.connectTimeoutSeconds
            connectTimer = Task { [weak self] in
                try? await Task.sleep(for: .seconds(connectTimeout))
                guard !Task.isCancelled else { return }
                await self?.connectTimedOut(generation: gen, url: url, seconds: connectTimeout)
            }
            let ref = WeakRef(client: self)
            connectionTask = Task(executorPreference: EngineExecutor.shared) {
                var failure: RPCClientError? = nil
                do {
                    let closeFrame = try await WebSocketClient.connect(
                        url: url, configuration: wsConfig, tlsConfiguration: tls,
                        eventLoopGroup: EngineExecutor.shared.loop, logger: logger
                    ) { inbound, outbound, _ in
                        await ref.client?.opened(generation: gen)
                        try await withThrowingTaskGroup(of: Void.self) { group in
                            group.addTask {
                                for await text in outgoing { try await outbound.writeTextMessage(text) }
                            }
                            group.addTask {
                                var messages = inbound.messages(maxSize: maxBytes).makeAsyncIterator()
                                while let message = try await messages.next() {
                                    let parsed = RPCClient.parse(message, maxBytes: maxBytes)
                                    await ref.client?.received(parsed, generation: gen)
                                }
                            }
                            // Whichever ends first (server closed, or disconnect() finished the outbox) ends both.
                            try await group.next()
                            group.cancelAll()
                        }
                    }
                    if let closeFrame {
                        failure = .connectionClosed(reason: "server closed the WebSocket (\(closeFrame.closeCode)\(closeFrame.reason.map { ": \($0)" } ?? ""))")
                    } else {
                        failure = .connectionClosed(reason: "server closed the connection")
                    }
                } catch {
                    failure = .connectionClosed(reason: RPCClient.describe(error))
                }
                await ref.client?.ended(generation: gen, url: url, error: failure)
            }
        }
    }

    /// Closes the connection; pending calls fail with `connectionClosed`.
    public func disconnect() async {
        guard let task = connectionTask else { return }
        let url: String
        switch state {
        case .connecting(let u), .connected(let u): url = u
        default: url = ""
        }
        outbox?.finish()
        outbox = nil
        let gen = generation
        // Bound the wait for the close handshake; then cut the connection.
        let cutter = Task {
            try? await Task.sleep(for: .seconds(2))
            if !Task.isCancelled { task.cancel() }
        }
        await task.value
        cutter.cancel()
        // `ended` normally reported it already; make sure the state says so.
        if gen == generation, !isDisconnected { finish(url: url, error: nil) }
    }

    var isDisconnected: Bool {
        if case .disconnected = state { return true }
        return false
    }

    func opened(generation gen: Int) {
        guard gen == generation, case .connecting(let url) = state else { return }
        state = .connected(url: url)
        connectTimer?.cancel()
        connectTimer = nil
        connectWaiter?.resume()
        connectWaiter = nil
    }

    func connectTimedOut(generation gen: Int, url: String, seconds: Double) {
        guard gen == generation, case .connecting = state else { return }
        connectionTask?.cancel()
        finish(url: url, error: .connectFailed(url: url, reason: "no WebSocket handshake within \(seconds) s"))
    }

    func ended(generation gen: Int, url: String, error: RPCClientError?) {
        guard gen == generation else { return }
        if case .disconnected = state { return }
        if case .connecting = state {
            let reason: String
            if case .connectionClosed(let r)? = error { reason = r } else { reason = "connection failed" }
            finish(url: url, error: .connectFailed(url: url, reason: reason))
        } else {
            finish(url: url, error: outbox == nil ? nil : error)
        }
    }

    /// Moves to `disconnected` and fails everything outstanding.
    func finish(url: String, error: RPCClientError?) {
        outbox?.finish()
        outbox = nil
        connectionTask = nil
        connectTimer?.cancel()
        connectTimer = nil
        failAll(error ?? .connectionClosed(reason: "disconnected by the client"))
        fireAndForget = []
        state = .disconnected(url: url, error: error)
        if let waiter = connectWaiter {
            connectWaiter = nil
            waiter.resume(throwing: error ?? .connectionClosed(reason: "disconnected by the client"))
        }
    }

    func webSocketConfiguration() -> WebSocketClientConfiguration {
        var extensions: [WebSocketExtensionFactory] = []
        if configuration.offerCompression {
            extensions.append(.perMessageDeflate(maxDecompressedFrameSize: configuration.maxMessageBytes))
        }
        let ping: AutoPingSetup = configuration.pingIntervalSeconds.map { .enabled(timePeriod: .seconds($0)) } ?? .disabled
        return WebSocketClientConfiguration(maxFrameSize: configuration.maxMessageBytes, extensions: extensions,
                                            closeTimeout: .seconds(2), autoPing: ping, validateUTF8: true)
    }

    /// System trust store, full verification, plus the extra CA file if configured.
    func makeTLSConfiguration() throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .fullVerification
        if let path = configuration.extraCAFile {
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw RPCClientError.tlsConfiguration("extra CA file \(path) is not readable")
            }
            do {
                let certificates = try NIOSSLCertificate.fromPEMFile(path)
                guard !certificates.isEmpty else { throw RPCClientError.tlsConfiguration("no certificate in \(path)") }
                tls.additionalTrustRoots = [.certificates(certificates)]
            } catch let e as RPCClientError {
                throw e
            } catch {
                throw RPCClientError.tlsConfiguration("cannot read \(path): \(error)")
            }
        }
        return tls
    }

    /// Parses a WebSocket message (text or binary) as JSON, off the actor.
    nonisolated static func parse(_ message: WebSocketMessage, maxBytes: Int) -> Result<JSONValue, JSONParseError> {
        let limits = JSONParseLimits(maxDepth: 128, maxInputBytes: maxBytes)
        switch message {
        case .text(let text):
            return Result { () throws(JSONParseError) in try JSONParser.parse(text, limits: limits) }
        case .binary(let buffer):
            return buffer.withUnsafeReadableBytes { raw in
                Result { () throws(JSONParseError) in try JSONParser.parse(raw, limits: limits) }
            }
        }
    }

    nonisolated static func isIPLiteral(_ host: String) -> Bool {
        if host.contains(":") || host.hasPrefix("[") { return true }  // IPv6
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { UInt8($0) != nil }
    }

    nonisolated static func describe(_ error: any Error) -> String {
        if let e = error as? WebSocketClientError {
            if e == .serverSentMessageTooLarge { return "server sent a message larger than the frame limit" }
            return e.description
        }
        if let e = error as? NIOSSLError { return "TLS: \(e)" }
        if let e = error as? IOError { return e.description }
        if error is CancellationError { return "cancelled" }
        return String(describing: error)
    }
}
