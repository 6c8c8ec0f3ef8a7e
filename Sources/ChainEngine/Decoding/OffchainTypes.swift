import Scale

/// The off-chain message types of PROTOCOL.md §3, which the runtime
/// metadata does not describe (they travel as opaque `payload` bytes of
/// `PhalaMq` messages): `SystemEvent` (topic `phala/system/event`, carrying
/// `HeartbeatChallenge`) and `WorkingReportEvent` (topic
/// `phala/mining/report`, carrying the workers' heartbeats).
///
/// Written down as a small type registry so they decode through the same
/// `DynamicCodec` and are read by field name like everything else.
struct OffchainTypes: Sendable {
    static let systemEventTopic = Array("phala/system/event".utf8)
    static let miningReportTopic = Array("phala/mining/report".utf8)

    let codec: DynamicCodec
    let systemEvent: UInt32 = 20
    let workingReportEvent: UInt32 = 21

    init() {
        func prim(_ id: UInt32, _ p: TypePrimitive) -> PortableType {
            PortableType(id: id, path: [], params: [], def: .primitive(p), docs: [])
        }
        func f(_ name: String?, _ type: UInt32) -> TypeField { TypeField(name: name, type: type, typeName: nil, docs: []) }
        func v(_ name: String, _ index: UInt8, _ fields: [TypeField]) -> TypeVariant {
            TypeVariant(name: name, fields: fields, index: index, docs: [])
        }
        let heartbeatFields = [f("session_id", 2), f("challenge_block", 2), f("challenge_time", 3), f("iterations", 3)]
        let types: [PortableType] = [
            prim(0, .u8),
            PortableType(id: 1, path: [], params: [], def: .array(length: 32, element: 0), docs: []),
            prim(2, .u32),
            prim(3, .u64),
            prim(4, .u128),
            PortableType(id: 5, path: ["sp_core", "sr25519", "Public"], params: [], def: .composite([f(nil, 1)]), docs: []),
            // U256: 32 bytes little-endian (parity impl-codec).
            PortableType(id: 6, path: ["primitive_types", "U256"], params: [], def: .composite([f(nil, 1)]), docs: []),
            PortableType(id: 7, path: ["phala_types", "messaging", "WorkerEvent"], params: [], def: .variant([
                v("Registered", 0, [f("confidence_level", 0)]),
                v("BenchStart", 1, [f("duration", 2)]),
                v("BenchScore", 2, [f(nil, 2)]),
                v("Started", 3, [f("session_id", 2), f("init_v", 4), f("init_p", 2)]),
                v("Stopped", 4, []),
                v("EnterUnresponsive", 5, []),
                v("ExitUnresponsive", 6, []),
            ]), docs: []),
        ]
        var all = types
        // Pad to the fixed ids below so `systemEvent`/`workingReportEvent` are stable.
        for id in UInt32(all.count)..<20 { all.append(PortableType(id: id, path: [], params: [], def: .tuple([]), docs: [])) }
        all.append(PortableType(id: 20, path: ["phala_types", "messaging", "SystemEvent"], params: [], def: .variant([
            v("WorkerEvent", 0, [f("pubkey", 5), f("event", 7)]),
            v("HeartbeatChallenge", 1, [f("seed", 6), f("online_target", 6)]),
        ]), docs: []))
        all.append(PortableType(id: 21, path: ["phala_types", "messaging", "WorkingReportEvent"], params: [], def: .variant([
            v("Heartbeat", 0, heartbeatFields),
            v("HeartbeatV2", 1, heartbeatFields + [f("n_clusters", 2), f("n_contracts", 2)]),
        ]), docs: []))
        codec = DynamicCodec(registry: PortableRegistry(types: all))
    }

    /// The registry (for tests and encoders of test data).
    var registry: PortableRegistry { codec.registry }
}
