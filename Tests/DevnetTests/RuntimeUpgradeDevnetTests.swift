import Scale
import SubstrateRPC
import Testing
@testable import Devnet

/// The devnet's runtime upgrade (issue 6 "Must show"; PROTOCOL.md §1.6):
/// block U sets the code (old runtime executes it, `System.CodeUpdated`,
/// `RuntimeEnvironmentUpdated` digest), U's post-state and later report the
/// new version and metadata, U+1 runs the upgrade hook and is executed by
/// the new runtime, whose error indices moved.
@Suite struct RuntimeUpgradeDevnetTests {
    static func node(upgradeAt: UInt32 = 3, dcapWorkers: Int = 1) -> DevnetNode {
        var c = DevnetConfig()
        c.workers = 4
        c.runtimeUpgrade = RuntimeUpgradePlan(atBlock: upgradeAt, dcapWorkers: dcapWorkers)
        return DevnetNode(config: c)
    }

    @Test func upgradedMetadataAddsDcapAndShiftsRegistryErrors() throws {
        let old = DevnetRuntime.base
        let new = old.upgraded()
        #expect(old.version.specVersion == 1251 && new.version.specVersion == 1252)
        #expect(new.version.transactionVersion == old.version.transactionVersion)
        #expect(!old.supportsDcap && new.supportsDcap)
        // The blob round-trips and its System.Version constant is the new version.
        let decoded = try RuntimeMetadataV14(bytes: new.encodedMetadata)
        #expect(DevnetRuntimeVersion(metadata: decoded).specVersion == 1252)
        #expect(decoded.registry.types.count > old.metadata.registry.types.count)
        #expect(old.metadata.error(pallet: "PhalaRegistry", name: "NoneAttestationDisabled")?.index == 18)
        #expect(new.metadata.error(pallet: "PhalaRegistry", name: "NoneAttestationDisabled")?.index == 19)
        #expect(new.metadata.error(pallet: "PhalaRegistry", name: "InvalidDCAPQuote")?.index == 13)
        #expect(new.metadata.error(pallet: "PhalaRegistry", name: "UnknownQuoteBodyFormat")?.index == 12)
        #expect(new.metadata.error(pallet: "PhalaRegistry", name: "UnsupportedAttestationType")?.index == 39)
        let e = DevnetErrors.module("PhalaRegistry", "NoneAttestationDisabled")
        #expect(new.reindex(e) == .module(pallet: 86, error: 19))
        #expect(old.reindex(e) == e)
        // AttestationReport::SgxDcap {quote, collateral} decodes through the new registry only.
        let report = try #require(new.metadata.registry.types.first { $0.path.last == "AttestationReport" })
        guard case .variant(let variants) = report.def else { Issue.record("AttestationReport is not an enum"); return }
        #expect(variants.map(\.name) == ["SgxIas", "SgxDcap"])
        #expect(variants.last?.fields.map(\.name) == ["quote", "collateral"])
        // Upgrading again keeps the DCAP types once and bumps the spec.
        let again = new.upgraded()
        #expect(again.version.specVersion == 1253)
        #expect(again.metadata.registry.types.count == new.metadata.registry.types.count)
    }

    @Test func blockUSetsTheCodeAndUPlusOneRunsTheNewRuntime() async throws {
        let node = Self.node()
        let rpc = try await RPCTestClient(node: node)
        await node.produceBlocks(4)
        func hash(_ n: UInt32) async throws -> JSONValue { try await rpc.call("chain_getBlockHash", [.uint(UInt64(n))]) }
        func spec(_ n: UInt32) async throws -> UInt64? {
            try await rpc.call("state_getRuntimeVersion", [hash(n)])["specVersion"]?.uint64Value
        }
        #expect(try await spec(2) == 1251)
        #expect(try await spec(3) == 1252)
        #expect(try await spec(4) == 1252)
        #expect(try await rpc.call("state_getRuntimeVersion")["specVersion"]?.uint64Value == 1252)
        let metadata2 = try await rpc.call("state_getMetadata", [hash(2)]).hexBytes()
        let metadata3 = try await rpc.call("state_getMetadata", [hash(3)]).hexBytes()
        #expect(metadata2 == DevnetMetadata.encoded)
        #expect(metadata3 == DevnetRuntime.base.upgraded().encodedMetadata)
        let core3 = try await rpc.call("state_call", ["Core_version", "0x", hash(3)]).hexBytes()
        #expect(core3 == DevnetRuntime.base.upgraded().version.encoded)

        // Block 3: CodeUpdated (decoded with 1251, the runtime that executed it) and the digest item.
        let events3 = try await rpc.events(block: try hash(3).hexBytes())
        #expect(events3.contains { $0.pallet == "System" && $0.name == "CodeUpdated" })
        let header3 = try RPCHeader(json: try await rpc.call("chain_getHeader", [hash(3)]))
        #expect(header3.digestLogs.contains([8]))
        #expect(try await rpc.call("state_getStorage", [.hex(Array(":code".utf8)), hash(2)]).isNull)
        #expect(!(try await rpc.call("state_getStorage", [.hex(Array(":code".utf8)), hash(3)]).isNull))

        // Block 4: the upgrade hook ran, and worker 0 re-registered with DCAP.
        let lastUpgrade = DevnetChain.lastRuntimeUpgradeKey
        #expect(try await rpc.call("state_getStorage", [.hex(lastUpgrade), hash(3)]).isNull)
        var e = ScaleEncoder()
        e.encodeCompact(UInt64(1252)); e.encode("khala")
        #expect(try await rpc.call("state_getStorage", [.hex(lastUpgrade), hash(4)]).hexBytes() == e.bytes)
        let worker0 = try #require(await node.workerPublicKeys.first)
        let raw = try await rpc.call("state_getStorage", [.hex(DevnetKeys.worker(worker0)), hash(4)]).hexBytes()
        let workersType = try #require(DevnetMetadata.metadata.storageEntry(pallet: "PhalaRegistry", name: "Workers")?.valueType)
        let decoded = try DevnetRuntime.base.upgraded().codec.decode(type: workersType, from: raw)
        guard case .variant("Some", _, let provider)? = decoded[field: "attestation_provider"],
              case .variant(let name, _, _)? = provider.first?.value else {
            Issue.record("no provider in \(decoded)")
            return
        }
        #expect(name == "Dcap")
        #expect(throws: (any Error).self, "1251 cannot explain the DCAP provider") {
            try DevnetRuntime.base.codec.decode(type: workersType, from: raw)
        }
        let worker1 = await node.workerPublicKeys[1]
        let other = try await rpc.call("state_getStorage", [.hex(DevnetKeys.worker(worker1)), hash(4)]).hexBytes()
        #expect(throws: Never.self) { try DevnetRuntime.base.codec.decode(type: workersType, from: other) }
    }

    @Test func devRPCSchedulesAnUpgrade() async throws {
        var c = DevnetConfig()
        c.workers = 2
        let node = DevnetNode(config: c)
        let rpc = try await RPCTestClient(node: node)
        await node.produceBlocks(2)
        let answer = try await rpc.call("devnet_upgradeRuntime")
        #expect(answer["atBlock"]?.uint64Value == 3)
        #expect(answer["specVersion"]?.uint64Value == 1252)
        await #expect(throws: RPCErrorObject.self) { try await rpc.call("devnet_upgradeRuntime", ["x"]) }
        #expect(await node.produceBlocks(2) == 4)
        #expect(await node.withChain { $0.runtimeUpgrades.map(\.block) } == [3])
        #expect(await node.withChain { $0.runtime(atBlock: 2).version.specVersion } == 1251)
        #expect(await node.withChain { $0.runtimeVersion.specVersion } == 1252)
    }
}
