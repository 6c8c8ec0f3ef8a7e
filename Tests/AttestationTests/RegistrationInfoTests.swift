import ChainCrypto
import Foundation
import Scale
import Testing
import TestSupport
@testable import Attestation

/// `WorkerRegistrationInfoV2` SCALE and the report-data commitment (§2, §5.1).
struct RegistrationInfoTests {
    static func sample(operatorAccount: [UInt8]? = [UInt8](repeating: 0x44, count: 32)) -> WorkerRegistrationInfoV2 {
        WorkerRegistrationInfoV2(version: 3, machineId: [1, 2], pubkey: [UInt8](repeating: 0x11, count: 32),
                                 ecdhPubkey: [UInt8](repeating: 0x22, count: 32),
                                 genesisBlockHash: [UInt8](repeating: 0x33, count: 32), features: [1, 4],
                                 operatorAccount: operatorAccount, paraId: 2004, maxConsensusVersion: 1)
    }

    @Test func encodesFieldsInChainOrder() throws {
        let info = Self.sample()
        // Hand-assembled: u32 LE, compact-len Vec<u8>, 3 × [u8;32], Vec<u32>, Some(AccountId32), u32, u32.
        let expected: [UInt8] = [3, 0, 0, 0] + [8, 1, 2] + [UInt8](repeating: 0x11, count: 32)
            + [UInt8](repeating: 0x22, count: 32) + [UInt8](repeating: 0x33, count: 32)
            + [8, 1, 0, 0, 0, 4, 0, 0, 0] + [1] + [UInt8](repeating: 0x44, count: 32)
            + [0xd4, 0x07, 0, 0] + [1, 0, 0, 0]
        #expect(scaleEncoded(info) == expected)
        #expect(try scaleDecode(WorkerRegistrationInfoV2.self, from: expected) == info)
        let none = Self.sample(operatorAccount: nil)
        #expect(try scaleDecode(WorkerRegistrationInfoV2.self, from: scaleEncoded(none)) == none)
        var badTag = expected
        badTag[4 + 3 + 96 + 9] = 2  // the Option tag (after version, machine_id, 3 × 32, features)
        #expect(throws: (any Error).self) { try scaleDecode(WorkerRegistrationInfoV2.self, from: badTag) }
        #expect(throws: (any Error).self) { try scaleDecode(WorkerRegistrationInfoV2.self, from: Array(expected.dropLast())) }
        #expect(info.reportDataHash == blake2_256(expected))
        try info.validate()
        var short = info
        short.pubkey.removeLast()
        #expect(throws: AttestationError.malformed(what: "registration info: pubkey is 31 bytes, expected 32")) {
            try short.validate()
        }
    }

    @Test(.enabled(if: ReferencePython.available || ReferencePython.required, "needs the reference Python venv"))
    func matchesScalecodecAndHashlib() throws {
        let script = """
            import sys, json, hashlib
            from scalecodec.base import RuntimeConfiguration
            from scalecodec.type_registry import load_type_registry_preset
            rc = RuntimeConfiguration()
            rc.update_type_registry(load_type_registry_preset("legacy"))
            rc.update_type_registry({"types": {"WorkerRegistrationInfoV2": {"type": "struct", "type_mapping": [
                ["version", "u32"], ["machine_id", "Vec<u8>"], ["pubkey", "[u8; 32]"], ["ecdh_pubkey", "[u8; 32]"],
                ["genesis_block_hash", "H256"], ["features", "Vec<u32>"], ["operator", "Option<AccountId>"],
                ["para_id", "u32"], ["max_consensus_version", "u32"]]}}})
            for line in sys.stdin:
                value = json.loads(line)
                data = bytes(rc.create_scale_object("WorkerRegistrationInfoV2").encode(value).data)
                print(data.hex(), hashlib.blake2b(data, digest_size=32).hexdigest())
            """
        var infos: [WorkerRegistrationInfoV2] = []
        var lines: [String] = []
        for i in 0..<6 {
            let b = UInt8(i * 37 + 5)
            let info = WorkerRegistrationInfoV2(
                version: UInt32(i) * 70_000, machineId: [UInt8](repeating: b, count: i * 23),
                pubkey: (0..<32).map { UInt8($0) &+ b }, ecdhPubkey: (0..<32).map { UInt8($0) &* b },
                genesisBlockHash: (0..<32).map { UInt8(31 - $0) ^ b }, features: (0..<UInt32(i)).map { $0 * 1_000_003 },
                operatorAccount: i % 2 == 0 ? nil : [UInt8](repeating: b, count: 32), paraId: 2004 + UInt32(i),
                maxConsensusVersion: UInt32(i))
            infos.append(info)
            let op = info.operatorAccount.map { "\"\(hexString($0))\"" } ?? "null"
            lines.append("""
                {"version": \(info.version), "machine_id": "\(hexString(info.machineId))", \
                "pubkey": "\(hexString(info.pubkey))", "ecdh_pubkey": "\(hexString(info.ecdhPubkey))", \
                "genesis_block_hash": "\(hexString(info.genesisBlockHash))", "features": \(info.features), \
                "operator": \(op), "para_id": \(info.paraId), "max_consensus_version": \(info.maxConsensusVersion)}
                """)
        }
        let output = try ReferencePython.run(script, stdin: lines.joined(separator: "\n") + "\n")
        let rows = output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        try #require(rows.count == infos.count)
        for (info, row) in zip(infos, rows) {
            #expect(hexString(scaleEncoded(info), prefix: false) == row[0])
            #expect(hexString(info.reportDataHash, prefix: false) == row[1])
        }
    }

    @Test func reportDataComparison() throws {
        let info = Self.sample()
        let reportData = info.reportDataHash + [UInt8](repeating: 0, count: 32)
        try AttestationPolicy.checkReportData(reportData, expectedHash: info.reportDataHash)
        try AttestationPolicy(registrationInfo: info).checkReportData(reportData)
        try AttestationPolicy().checkReportData([UInt8](repeating: 9, count: 64))  // nothing to check
        var other = info
        other.paraId = 2035
        #expect(throws: AttestationError.reportDataMismatch(expected: other.reportDataHash, found: info.reportDataHash)) {
            try AttestationPolicy(registrationInfo: other).checkReportData(reportData)
        }
        #expect(throws: AttestationError.malformed(what: "report data: 5 bytes, expected 64")) {
            try AttestationPolicy.checkReportData([1, 2, 3, 4, 5], expectedHash: info.reportDataHash)
        }
    }

    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func realReportDoesNotCommitToAnotherWorker() throws {
        let report = try IASSignedReport(json: Fixtures.bytes(IASVerifierTests.phalaFile))
        let info = Self.sample()
        #expect(throws: AttestationError.reportDataMismatch(
            expected: info.reportDataHash,
            found: hexBytes("3178d13cb51f21159337cbe864c13ea2dff17dd5d49da05db3b53c1f0ff23e8c"))) {
            try IASVerifier.verify(report, atUnixSeconds: IASVerifierTests.phalaTimestamp,
                                   policy: AttestationPolicy(registrationInfo: info))
        }
    }
}
