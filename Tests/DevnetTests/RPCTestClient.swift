import Scale
import SubstrateRPC
@testable import Devnet

/// Calls a `DevnetNode` through its JSON-RPC handler (the same entry the
/// server uses) and decodes answers through the metadata it serves, so
/// scenario tests read the chain as a client would, not through internals.
struct RPCTestClient {
    let node: DevnetNode
    let metadata: RuntimeMetadataV14
    let codec: DynamicCodec

    init(node: DevnetNode) async throws {
        self.node = node
        let raw = try await node.call(method: "state_getMetadata", params: [], context: Self.context)
        metadata = try RuntimeMetadataV14(bytes: try raw.hexBytes())
        codec = DynamicCodec(registry: metadata.registry)
    }

    static let context = RPCCallContext(connectionID: 1, transport: .http)

    func call(_ method: String, _ params: [JSONValue] = []) async throws -> JSONValue {
        try await node.call(method: method, params: .array(params), context: Self.context)
    }

    func headHash() async throws -> [UInt8] { try await call("chain_getHead").hexBytes() }

    /// A storage value decoded with its metadata type, at `block` (head when nil).
    func storage(_ pallet: String, _ entry: String, key: [UInt8], block: [UInt8]? = nil) async throws -> ScaleValue? {
        let e = try need(metadata.storageEntry(pallet: pallet, name: entry), "\(pallet).\(entry)")
        let raw = try await call("state_getStorage", [.hex(key)] + (block.map { [.hex($0)] } ?? []))
        if raw.isNull { return nil }
        return try codec.decode(type: e.valueType, from: try raw.hexBytes())
    }

    /// The events of a block as (pallet, event name, fields).
    func events(block: [UInt8]? = nil) async throws -> [(pallet: String, name: String, fields: [ScaleField])] {
        let key = DevnetKeys.events
        guard let value = try await storage("System", "Events", key: key, block: block) else { return [] }
        return value.elements.compactMap { record in
            guard case .variant(let pallet, _, let inner)? = record[field: "event"],
                  case .variant(let name, _, let fields)? = inner.first?.value else { return nil }
            return (pallet, name, fields)
        }
    }
}

func need<T>(_ value: T?, _ what: String = "") throws -> T {
    guard let value else { throw TestFailure(what) }
    return value
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
