import ArgumentParser
import Attestation
import Foundation
import Scale

/// `khalatop attest`: check IAS and DCAP attestations the way the chain does (PROTOCOL.md §5).
struct AttestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attest",
        abstract: "Verify SGX attestations (IAS reports, DCAP quotes) as the Khala chain does.",
        subcommands: [Verify.self]
    )

    /// `khalatop attest verify FILE ...`
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify an IAS report (JSON) or a DCAP v3 quote; exit 0 only when it verifies.",
            discussion: """
                FILE is an IAS report JSON (raReport, signature, rawSigningCert; hex or base64) \
                or a DCAP v3 quote, raw or hex (format detected). A DCAP quote needs --collateral, the \
                SCALE-encoded SgxV30QuoteCollateral. Exit codes: 0 verified, 1 rejected, 2 unreadable input.
                """
        )

        @Argument(help: "IAS report JSON or DCAP quote file.")
        var file: String

        @Option(help: ArgumentHelp("SCALE-encoded SgxV30QuoteCollateral for a DCAP quote (raw or hex).", valueName: "file"))
        var collateral: String?

        @Option(name: .customLong("at"),
                help: ArgumentHelp("Verification time in unix seconds (the block time). Default: now.", valueName: "unix-seconds"))
        var atUnixSeconds: Int64?

        @Option(name: .customLong("registration-info"),
                help: ArgumentHelp("Hex SCALE of the worker's WorkerRegistrationInfoV2; report_data must commit to it.",
                                   valueName: "hex"))
        var registrationInfoHex: String?

        @Option(name: .customLong("allow-list"),
                help: ArgumentHelp("Comma-separated hex pRuntime hashes (68 bytes each).", valueName: "hex,..."))
        var allowList: String?

        @Flag(help: "Print the outcome or the error as JSON.")
        var json = false

        func run() throws {
            let now = atUnixSeconds ?? Int64(Date().timeIntervalSince1970)
            let document: AttestationDocument
            let collateralValue: SgxV30QuoteCollateral?
            let policy: AttestationPolicy
            do {
                document = try AttestationDocument(fileBytes: try readFile(file))
                collateralValue = try collateral.map { try SgxV30QuoteCollateral(scaleBytes: try readFile($0)) }
                policy = try makePolicy()
            } catch let error as AttestationError {
                report(error, at: now)
                throw ExitCode(2)
            } catch let error as InputError {
                report(message: error.message, code: "input", at: now, prefix: "error")
                throw ExitCode(2)
            }
            do {
                let outcome = try document.verify(collateral: collateralValue, atUnixSeconds: now, policy: policy)
                print(json ? AttestOutput.json(outcome) : AttestOutput.table(outcome))
            } catch {
                report(error, at: now)
                throw ExitCode(1)
            }
        }

        private func makePolicy() throws -> AttestationPolicy {
            var policy = AttestationPolicy()
            if let hex = registrationInfoHex {
                let bytes: [UInt8]
                do { bytes = try Hex.decode(hex.trimmingCharacters(in: .whitespacesAndNewlines)) } catch {
                    throw InputError(message: "--registration-info: not hex (\(error))")
                }
                let info: WorkerRegistrationInfoV2
                do { info = try scaleDecode(WorkerRegistrationInfoV2.self, from: bytes) } catch {
                    throw InputError(message: "--registration-info: not a SCALE WorkerRegistrationInfoV2 (\(error))")
                }
                policy.expectedReportDataHash = info.reportDataHash
            }
            if let list = allowList {
                var hashes: [[UInt8]] = []
                for item in list.split(separator: ",") {
                    let text = item.trimmingCharacters(in: .whitespaces)
                    guard let hash = try? Hex.decode(text), hash.count == 68 else {
                        throw InputError(message: "--allow-list: \"\(text)\" is not a 68-byte hex pRuntime hash")
                    }
                    hashes.append(hash)
                }
                policy.pRuntimeAllowList = hashes
            }
            return policy
        }

        private func readFile(_ path: String) throws -> [UInt8] {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw InputError(message: "cannot read \(path)")
            }
            return [UInt8](data)
        }

        private func report(_ error: AttestationError, at now: Int64) {
            report(message: error.description, code: error.code, at: now)
        }

        private func report(message: String, code: String, at now: Int64, prefix: String = "not verified") {
            if json {
                print(AttestOutput.jsonError(code: code, message: message, at: now))
            } else {
                FileHandle.standardError.write(Data("\(prefix): \(message)\n".utf8))
            }
        }
    }
}

/// A problem with the command's own inputs (unreadable file, bad hex).
private struct InputError: Error {
    let message: String
}
