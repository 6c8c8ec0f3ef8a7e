import ArgumentParser
import ChainCrypto
import ChainEngine
import Foundation
import MiningCore
import Scale

/// `khalatop tx ACTION`: the non-interactive form of the dashboard's actions
/// (issue 8) for scripts. Builds the call through the node's live metadata,
/// shows the same confirmation the dashboard shows (call in words, signer,
/// fee, chain, spec version, nonce), asks y/N unless `--yes`, submits and
/// follows the extrinsic; exit code 0 only when it is finalized and
/// `ExtrinsicSuccess`. Secrets come from a file or an environment variable
/// and are never printed.
struct TxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tx",
        abstract: "Sign and submit one operator action (register, add, start, stop, reclaim, restart, remove).",
        discussion: """
            The signing key comes from exactly one of --suri-file FILE (a secret URI), --suri-env VAR, or \
            --key-file FILE (a polkadot.js JSON key file; its password is asked on the terminal or read \
            from --password-file). Key files readable by group or others are refused. --dry-run signs \
            without submitting (--print-hex prints the extrinsic). Exit status: 0 when finalized \
            successfully, 1 when refused, failed, cancelled or dropped.
            """
    )

    @Argument(help: "register | add | start | stop | reclaim | restart | remove")
    var action: TxAction

    @Option(help: "Node WebSocket URL.")
    var rpc: String = "ws://127.0.0.1:9944"

    @Option(help: "Stake pool id.")
    var pool: UInt64?

    @Option(help: "Worker public key (0x + 64 hex digits).")
    var worker: String?

    @Option(help: "Stake in PHA for start and restart (e.g. 5000 or 1234.5).")
    var stake: String?

    @Option(name: .customLong("pruntime-info"), help: "register: SCALE hex of WorkerRegistrationInfoV2 (from the pRuntime).")
    var pruntimeInfo: String?

    @Option(help: "register: SCALE hex of Option<AttestationReport> (from the pRuntime).")
    var attestation: String?

    @Option(help: ArgumentHelp("register: read the registration material from this pRuntime (http://host:port).",
                               valueName: "url"))
    var pruntime: String?

    @Option(name: .customLong("operator"),
            help: "register --pruntime: have the pRuntime name this operator (SS58 or 0x hex; the pool owner).")
    var operatorAccount: String?

    @Flag(name: .customLong("force-refresh-ra"), help: "register --pruntime: ask the pRuntime for a fresh attestation.")
    var forceRefreshRA = false

    @Flag(name: .customLong("accept-unattested"),
          help: "register: the chain accepts workers without attestation (a dev chain with NoneAttestationEnabled; Khala does not).")
    var acceptUnattested = false

    @OptionGroup var key: SigningKeyOptions

    @Option(name: .customLong("era-period"), help: "Blocks the extrinsic stays valid (rounded to a power of two).")
    var eraPeriodBlocks: UInt64 = 64

    @Flag(name: .customLong("read-only"), help: "Refuse every action (for a watch-only setup).")
    var readOnly = false

    @Flag(help: "Do not ask for confirmation.")
    var yes = false

    @Flag(name: .customLong("dry-run"), help: "Sign but do not submit.")
    var dryRun = false

    @Flag(name: .customLong("print-hex"), help: "With --dry-run: print the signed extrinsic as hex on standard output.")
    var printHex = false

    @Option(help: "Seconds to wait for finalization.")
    var timeout: Double = 300

    func validate() throws {
        if readOnly { return }  // refused in run() with its own message
        guard key.sources.count == 1 else { throw ValidationError("give exactly one of --suri-file, --suri-env or --key-file") }
        if printHex && !dryRun { throw ValidationError("--print-hex needs --dry-run") }
        if action == .register {
            let raw = pruntimeInfo != nil || attestation != nil
            guard (pruntime != nil) != raw, pruntime != nil || (pruntimeInfo != nil && attestation != nil) else {
                throw ValidationError("register needs either --pruntime URL or both --pruntime-info HEX and --attestation HEX")
            }
            if operatorAccount != nil || forceRefreshRA, pruntime == nil {
                throw ValidationError("--operator and --force-refresh-ra need --pruntime URL")
            }
        } else {
            guard pool != nil else { throw ValidationError("\(action.rawValue) needs --pool PID") }
            guard worker != nil else { throw ValidationError("\(action.rawValue) needs --worker HEX") }
        }
        let takesStake = action == .start || action == .restart
        if takesStake, stake == nil { throw ValidationError("\(action.rawValue) needs --stake PHA") }
        if !takesStake, stake != nil { throw ValidationError("--stake is only for start and restart") }
    }

    func run() async throws {
        if readOnly {
            TxOutput.error("read-only mode: \(action.rawValue) and every other action are disabled (--read-only); nothing was signed")
            throw ExitCode.failure
        }
        let call: ActionCall
        var preface: [String] = []
        do {
            if action == .register, let pruntime {
                let checked = try await TxRegistration(pruntimeURL: pruntime, rpc: rpc, operatorAccount: operatorAccount,
                                                       forceRefreshRA: forceRefreshRA,
                                                       acceptUnattested: acceptUnattested,
                                                       pruntimeTimeoutSeconds: min(60, max(5, timeout))).load()
                call = checked.call
                preface = checked.lines
            } else {
                call = try actionCall()
            }
        } catch {
            TxOutput.error("\(error)")
            throw ExitCode.failure
        }
        let signer: KeyPair
        do { signer = try key.load() } catch {
            TxOutput.error("\(error)")
            throw ExitCode.failure
        }
        let session = TxSession(url: rpc, timeoutSeconds: timeout, eraPeriodBlocks: eraPeriodBlocks)
        for line in preface { TxOutput.info(line, toStderr: printHex) }
        let code = await session.run(call, signer: signer, confirmation: yes ? .assumeYes : .ask,
                                     dryRun: dryRun, printHex: printHex)
        if code != 0 { throw ExitCode(code) }
    }

    /// The typed call from the options.
    func actionCall() throws -> ActionCall {
        func key() throws -> WorkerKey {
            do { return try WorkerKey(hex: worker ?? "") } catch { throw TxInputError("--worker: \(error)") }
        }
        func stakePlanck() throws -> UInt128 {
            do { return try PHA.parse(stake ?? "") } catch { throw TxInputError("--stake: \(error)") }
        }
        let pid = pool ?? 0
        switch action {
        case .register:
            do {
                return .registerWorkerV2(pruntimeInfo: try Hex.decode(pruntimeInfo ?? ""), attestation: try Hex.decode(attestation ?? ""))
            } catch { throw TxInputError("--pruntime-info/--attestation: \(error)") }
        case .add: return .addWorker(pid: pid, worker: try key())
        case .start: return .startComputing(pid: pid, worker: try key(), stakePlanck: try stakePlanck())
        case .stop: return .stopComputing(pid: pid, worker: try key())
        case .reclaim: return .reclaimPoolWorker(pid: pid, worker: try key())
        case .restart: return .restartComputing(pid: pid, worker: try key(), stakePlanck: try stakePlanck())
        case .remove: return .removeWorker(pid: pid, worker: try key())
        }
    }
}

/// The actions `khalatop tx` knows (PROTOCOL.md §2).
enum TxAction: String, ExpressibleByArgument, CaseIterable, Sendable {
    case register, add, start, stop, reclaim, restart, remove
}

/// A bad option value, said plainly.
struct TxInputError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
