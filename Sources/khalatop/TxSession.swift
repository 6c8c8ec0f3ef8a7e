import ChainCrypto
import ChainEngine
import Foundation
import Scale
import SubstrateRPC

/// The networked half of `khalatop tx`: connect, prepare (sign + fee),
/// confirm, submit and follow to finality, reading back
/// `ExtrinsicSuccess`/`ExtrinsicFailed` (issue 8). Returns the exit code.
struct TxSession {
    enum Confirmation { case ask, assumeYes }

    let url: String
    let timeoutSeconds: Double
    let eraPeriodBlocks: UInt64

    func run(_ action: ActionCall, signer: KeyPair, confirmation: Confirmation, dryRun: Bool, printHex: Bool) async -> Int32 {
        let rpc = RPCClient()
        defer { Task { await rpc.disconnect() } }
        do {
            try await rpc.connect(url: url)
        } catch {
            TxOutput.error("\(error)")
            return 1
        }
        let client = ExtrinsicClient(client: rpc)
        let prepared: PreparedExtrinsic
        do {
            prepared = try await client.prepare(action, signer: signer, eraPeriodBlocks: eraPeriodBlocks)
        } catch {
            TxOutput.error("cannot build the extrinsic: \(error)")
            await rpc.disconnect()
            return 1
        }
        // With --print-hex, standard output carries only the hex.
        for line in prepared.confirmationLines { TxOutput.info(line, toStderr: printHex) }
        if dryRun {
            if printHex { TxOutput.info(Hex.encode(prepared.extrinsic.bytes), toStderr: false) }
            TxOutput.info("dry run: signed, not submitted", toStderr: true)
            await rpc.disconnect()
            return 0
        }
        if confirmation == .ask {
            FileHandle.standardOutput.write(Data("Sign and submit? [y/N] ".utf8))
            let answer = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces).lowercased()
            guard answer == "y" || answer == "yes" else {
                TxOutput.info("cancelled: nothing was submitted", toStderr: false)
                await rpc.disconnect()
                return 1
            }
        }
        let code = await follow(prepared, client: client)
        await rpc.disconnect()
        return code
    }

    /// Submits and prints each status until a final one; 0 only for finalized + ExtrinsicSuccess.
    func follow(_ prepared: PreparedExtrinsic, client: ExtrinsicClient) async -> Int32 {
        let bytes = prepared.extrinsic.bytes
        TxOutput.info("Hash:    \(Hex.encode(prepared.extrinsic.hash))", toStderr: false)
        let deadline = ContinuousClock.now + .seconds(timeoutSeconds)
        do {
            let statuses = try await client.submitAndWatch(bytes)
            var outcome: DispatchOutcome?
            for try await status in statuses {
                TxOutput.info("Status:  \(status)", toStderr: false)
                switch status {
                case .inBlock(let hash), .finalized(let hash):
                    if outcome == nil || { if case .finalized = status { return true } else { return false } }() {
                        outcome = try await client.outcome(of: bytes, inBlock: hash, metadata: prepared.metadata)
                        if case .inBlock = status { TxOutput.info("Result:  \(outcome.map { "\($0)" } ?? "-")", toStderr: false) }
                    }
                    if case .finalized = status {
                        switch outcome {
                        case .success?:
                            TxOutput.info("finalized: \(prepared.action.summary) succeeded", toStderr: false)
                            return 0
                        case .failed(let f)?:
                            TxOutput.error("finalized with an error: \(f)")
                            return 1
                        case nil:
                            return 1
                        }
                    }
                case .dropped, .invalid, .usurped, .finalityTimeout:
                    TxOutput.error("the extrinsic was \(status); it did not take effect")
                    return 1
                default:
                    break
                }
                if ContinuousClock.now > deadline {
                    TxOutput.error("no finality within \(Int(timeoutSeconds)) s (last status: \(status))")
                    return 1
                }
            }
            TxOutput.error("the node stopped reporting before finality")
            return 1
        } catch let RPCClientError.rpcError(code, message, data) {
            TxOutput.error("the node refused the extrinsic: \(message) (\(code))" + (data?.stringValue.map { ": \($0)" } ?? ""))
            return 1
        } catch {
            TxOutput.error("\(error)")
            return 1
        }
    }
}

/// Where `khalatop tx` writes: facts to standard output (or standard error
/// when standard output carries the hex), errors to standard error.
enum TxOutput {
    static func info(_ line: String, toStderr: Bool) {
        if toStderr { FileHandle.standardError.write(Data((line + "\n").utf8)) } else { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data(("khalatop tx: " + line + "\n").utf8))
    }
}
