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
    /// Gives up (1) after `timeoutSeconds` without finality.
    func follow(_ prepared: PreparedExtrinsic, client: ExtrinsicClient) async -> Int32 {
        TxOutput.info("Hash:    \(Hex.encode(prepared.extrinsic.hash))", toStderr: false)
        let seconds = timeoutSeconds
        return await withTaskGroup(of: Int32?.self) { group in
            group.addTask { await Self.track(prepared, client: client) }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds))
                return Task.isCancelled ? nil : -1
            }
            var code: Int32 = 1
            for await result in group {
                guard let result else { continue }
                if result == -1 {
                    TxOutput.error("no finality within \(Int(seconds)) s; the extrinsic may still be included later")
                    code = 1
                } else {
                    code = result
                }
                group.cancelAll()
                break
            }
            return code
        }
    }

    /// Follows the watch stream to a final status and reads the outcome from the block's events.
    static func track(_ prepared: PreparedExtrinsic, client: ExtrinsicClient) async -> Int32 {
        let bytes = prepared.extrinsic.bytes
        do {
            var outcome: DispatchOutcome?
            for try await status in try await client.submitAndWatch(bytes) {
                TxOutput.info("Status:  \(status)", toStderr: false)
                switch status {
                case .inBlock(let hash):
                    outcome = try await client.outcome(of: bytes, inBlock: hash, metadata: prepared.metadata)
                    TxOutput.info("Result:  \(outcome.map { "\($0)" } ?? "-")", toStderr: false)
                case .finalized(let hash):
                    // Read again in the finalized block: a re-org may have moved it.
                    outcome = try await client.outcome(of: bytes, inBlock: hash, metadata: prepared.metadata)
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
                case .dropped, .invalid, .usurped, .finalityTimeout:
                    TxOutput.error("the extrinsic was \(status); it did not take effect")
                    return 1
                default:
                    break
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
