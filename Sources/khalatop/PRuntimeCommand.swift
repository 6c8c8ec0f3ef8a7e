import ArgumentParser
import Attestation
import ChainEngine
import Foundation
import Scale
import SubstrateRPC

/// `khalatop pruntime`: look at a worker's pRuntime over its HTTP API (issue 8).
struct PRuntimeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pruntime",
        abstract: "Read a worker's pRuntime: its status (/info) or its registration material.",
        subcommands: [PRuntimeInfoCommand.self, PRuntimeRegistrationCommand.self]
    )
}

/// `khalatop pruntime info URL`: `GET /info`, as a table or the pRuntime's JSON.
struct PRuntimeInfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Print a pRuntime's status (GET /info): sync heights, registration, dev mode.")

    @Argument(help: "pRuntime endpoint, http://host[:port] (port 8000 by default).") var url: String
    @Flag(help: "Print JSON (the fields pRuntime reports, normalised).") var json = false
    @Option(help: "Seconds to wait for the answer.") var timeout: Double = 10

    func run() async throws {
        do {
            let client = try PRuntimeClient(url: url, configuration: .init(timeoutSeconds: timeout))
            let info = try await client.info()
            print(json ? info.json.serialized() : Self.table(info).joined(separator: "\n"))
        } catch {
            FileHandle.standardError.write(Data("khalatop pruntime: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    static func table(_ i: PRuntimeInfo) -> [String] {
        [
            "initialized:      \(i.initialized)",
            "registered:       \(i.registered)",
            "public key:       \(i.publicKey.map { "0x" + $0 } ?? "-")",
            "dev mode:         \(i.devMode)",
            "version:          \(i.version.isEmpty ? "-" : i.version) (\(i.gitRevision.isEmpty ? "-" : i.gitRevision))",
            "relay headers:    next #\(i.headerNumber)",
            "para headers:     next #\(i.paraHeaderNumber)",
            "blocks:           next #\(i.blockNumber)" + (i.waitingForParaHeaders ? " (waiting for parachain headers)" : ""),
            "pending messages: \(i.pendingMessages)",
            "score:            \(i.score)",
            "genesis (relay):  \(i.genesisBlockHash.map { "0x" + $0 } ?? "-")",
        ]
    }
}

/// `khalatop pruntime registration URL`: the `register_worker_v2` arguments as hex and their check.
struct PRuntimeRegistrationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registration",
        abstract: "Print a pRuntime's registration material (GetRuntimeInfo) and verify its attestation locally.",
        discussion: """
            The two hex lines are the arguments of `khalatop tx register --pruntime-info HEX --attestation HEX`. \
            Verification uses Khala's rules (para 2004, no unattested workers) at the current time, or with \
            --rpc the chain's allow lists and latest block time.
            """)

    @Argument(help: "pRuntime endpoint, http://host[:port].") var url: String
    @Option(help: "Read the registration rules from this node.") var rpc: String?
    @Flag(name: .customLong("accept-unattested"), help: "The chain accepts unattested (dev-mode) workers.")
    var acceptUnattested = false
    @Flag(name: .customLong("json-wire"), help: "Talk prpc JSON (?json) instead of protobuf.") var jsonWire = false
    @Option(help: "Seconds to wait for the answer.") var timeout: Double = 10

    func run() async throws {
        do {
            let client = try PRuntimeClient(url: url, configuration: .init(timeoutSeconds: timeout,
                                                                          wireFormat: jsonWire ? .json : .protobuf))
            let material = try await client.registrationMaterial()
            var context = RegistrationContext(blockTimeSeconds: Int64(Date().timeIntervalSince1970),
                                              rules: .khala())
            context.rules.noneAttestationEnabled = acceptUnattested
            if let rpc {
                let node = RPCClient()
                try await node.connect(url: rpc)
                defer { Task { await node.disconnect() } }
                context = try await RegistrationContext.load(from: node, noneAttestationEnabled: acceptUnattested)
            }
            print("pruntime_info: \(Hex.encode(material.encodedRuntimeInfo))")
            print("attestation:   \(Hex.encode(material.attestation))")
            let verdict = material.verify(atUnixSeconds: context.blockTimeSeconds, rules: context.rules)
            for line in verdict.lines { print(line) }
            if !verdict.isAccepted { throw ExitCode.failure }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            FileHandle.standardError.write(Data("khalatop pruntime: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
