import Foundation
import Testing
import TestSupport
import Scale

/// Re-records `Sources/Devnet/Metadata/DevnetTypeTable*.swift` and
/// `DevnetPalletTable.swift` from the real Khala 1251 metadata, keeping only
/// what the devnet serves (the selection below) and every type those reach.
///
/// Runs only with `KHALATOP_REGEN_DEVNET=1` (then review the diff); the
/// normal suite checks the committed tables against the real blob instead
/// (`DevnetMetadataTests`).
@Suite struct DevnetMetadataGenerator {
    /// What the devnet serves, per pallet: storage entries, calls (nil = all)
    /// and constants (nil = all). Events and errors are always complete so
    /// that their indices are the real ones.
    struct Selection {
        var storage: [String]?
        var calls: [String]?
        var constants: [String]? = nil
    }

    static let selection: [(String, Selection)] = [
        ("System", Selection(storage: nil, calls: ["remark", "remark_with_event"])),
        ("Timestamp", Selection(storage: nil, calls: ["set"])),
        ("Utility", Selection(storage: nil, calls: ["batch", "batch_all", "force_batch"])),
        ("Balances", Selection(storage: nil, calls: ["transfer_allow_death", "transfer_keep_alive", "transfer_all"])),
        ("TransactionPayment", Selection(storage: nil, calls: [])),
        ("PhalaMq", Selection(storage: nil, calls: ["sync_offchain_message"])),
        ("PhalaRegistry", Selection(storage: nil, calls: ["register_worker_v2", "update_worker_endpoint"])),
        ("PhalaComputation", Selection(storage: nil, calls: ["unbind", "set_heartbeat_paused"])),
        ("Assets", Selection(storage: ["Asset", "Account", "Metadata"], calls: ["transfer", "transfer_keep_alive"])),
        ("PhalaStakePoolv2", Selection(storage: nil, calls: [
            "create", "add_worker", "remove_worker", "contribute", "start_computing", "stop_computing",
            "reclaim_pool_worker", "restart_computing",
        ])),
        ("PhalaBasePool", Selection(storage: nil, calls: [])),
    ]

    @Test(.enabled(if: ProcessInfo.processInfo.environment["KHALATOP_REGEN_DEVNET"] == "1" && Fixtures.available))
    func regenerate() throws {
        let real = try RuntimeMetadataV14(bytes: Fixtures.bytes("khala_metadata_spec1251.scale"))
        var gen = Generator(real: real)
        try gen.run()
        let dir = Fixtures.packageRoot.appendingPathComponent("Sources/Devnet/Metadata")
        for (name, text) in gen.files {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    struct Generator {
        let real: RuntimeMetadataV14
        var newId: [UInt32: UInt32] = [:]
        var order: [UInt32] = []
        /// Variant filters: real type id → variant names kept.
        var keep: [UInt32: Set<String>] = [:]
        var files: [(String, String)] = []

        init(real: RuntimeMetadataV14) { self.real = real }

        mutating func visit(_ id: UInt32) {
            var queue = [id]
            while !queue.isEmpty {
                let t = queue.removeFirst()
                guard newId[t] == nil, let type = real.registry[t] else { continue }
                newId[t] = UInt32(order.count)
                order.append(t)
                queue += type.params.compactMap(\.type)
                switch type.def {
                case .composite(let fs): queue += fs.map(\.type)
                case .variant(let vs):
                    for vv in vs where keep[t].map({ $0.contains(vv.name) }) ?? true { queue += vv.fields.map(\.type) }
                case .sequence(let e), .compact(let e), .array(_, let e): queue.append(e)
                case .tuple(let ids): queue += ids
                case .bitSequence(let s, let o): queue += [s, o]
                case .primitive: break
                }
            }
        }

        mutating func run() throws {
            let names = Set(selection.map(\.0))
            let runtimeCall = try #require(real.registry.types.first { $0.path.last == "RuntimeCall" }).id
            let runtimeEvent = try #require(real.registry.types.first { $0.path.last == "RuntimeEvent" }).id
            var callPallets = Set<String>()
            for (name, sel) in selection {
                let p = try #require(real.pallet(named: name), "\(name)")
                if let c = p.callType, let calls = sel.calls, !calls.isEmpty {
                    keep[c] = Set(calls)
                    callPallets.insert(name)
                }
            }
            keep[runtimeCall] = callPallets
            keep[runtimeEvent] = names
            // Roots in a stable order: the extrinsic first (so primitives get low ids), then pallets.
            visit(real.extrinsic.type)
            for ext in real.extrinsic.signedExtensions { visit(ext.type); visit(ext.additionalSigned) }
            visit(real.runtimeType)
            for (name, sel) in selection {
                let p = try #require(real.pallet(named: name))
                for e in p.storage?.entries ?? [] where sel.storage.map({ $0.contains(e.name) }) ?? true {
                    if case .map(_, let k, let v) = e.type { visit(k); visit(v) } else { visit(e.valueType) }
                }
                if callPallets.contains(name), let c = p.callType { visit(c) }
                if let ev = p.eventType { visit(ev) }
                if let er = p.errorType { visit(er) }
                for c in p.constants where sel.constants.map({ $0.contains(c.name) }) ?? true { visit(c.type) }
            }
            emitTypes()
            try emitPallets(callPallets: callPallets, runtimeCall: runtimeCall, runtimeEvent: runtimeEvent)
        }

        func lit(_ s: String?) -> String {
            guard let s else { return "nil" }
            return "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n") + "\""
        }

        func id(_ t: UInt32) -> String { newId[t].map { String($0) } ?? "<missing \(t)>" }

        func fields(_ fs: [TypeField]) -> String {
            "[" + fs.map { "f(\(lit($0.name)), \(id($0.type))\($0.typeName.map { ", \(lit($0))" } ?? ""))" }
                .joined(separator: ", ") + "]"
        }

        func params(_ ps: [TypeParameter]) -> String {
            ps.isEmpty ? "" : "params: [" + ps.map { "(\(lit($0.name)), \($0.type.map(id) ?? "nil"))" }.joined(separator: ", ") + "], "
        }

        func statement(_ t: PortableType) -> String {
            let path = lit(t.path.joined(separator: "::"))
            switch t.def {
            case .composite(let fs): return "b.composite(\(path), \(params(t.params))\(fields(fs)))"
            case .variant(let vs):
                if t.path.last == "Era", vs.count == 256, let u8 = vs[1].fields.first?.type {
                    return "b.era(u8: \(id(u8)))"
                }
                let kept = vs.filter { vv in keep[t.id].map { $0.contains(vv.name) } ?? true }
                let body = kept.map { "v(\(lit($0.name)), \($0.index)\($0.fields.isEmpty ? "" : ", \(fields($0.fields))"))" }
                return "b.variant(\(path), \(params(t.params))[\n            " + body.joined(separator: ",\n            ") + ",\n        ])"
            case .sequence(let e): return "b.sequence(\(id(e)))"
            case .array(let n, let e): return "b.array(\(n), \(id(e)))"
            case .tuple(let ids): return "b.tuple([\(ids.map(id).joined(separator: ", "))])"
            case .primitive(let p): return "b.primitive(.\(p))"
            case .compact(let e): return "b.compact(\(id(e)))"
            case .bitSequence(let s, let o): return "b.bitSequence(store: \(id(s)), order: \(id(o)))"
            }
        }

        static let header = """
            // GENERATED by Tests/DevnetTests/DevnetMetadataGenerator.swift from the real Khala
            // spec 1251 metadata (KHALATOP_REGEN_DEVNET=1 swift test --filter DevnetMetadataGenerator).
            // Do not edit by hand: change the selection there and re-record; DevnetMetadataTests
            // holds these tables against the real blob (PROTOCOL.md §1).

            """

        mutating func emitTypes() {
            let chunk = 80
            var part = 0
            var start = 0
            while start < order.count {
                let end = min(order.count, start + chunk)
                part += 1
                var s = Self.header + "import Scale\n\nextension DevnetMetadata {\n"
                s += "    /// Types \(start)..<\(end) of the devnet registry.\n"
                s += "    static func addTypes\(part)(_ b: inout TypeTableBuilder) {\n"
                for (k, real) in order[start..<end].enumerated() {
                    s += "        \(statement(self.real.registry[real]!)) // \(start + k)\n"
                }
                s += "    }\n}\n"
                files.append(("DevnetTypeTable+Part\(part).swift", s))
                start = end
            }
            var s = Self.header + "import Scale\n\nextension DevnetMetadata {\n"
            s += "    /// Number of types in the devnet registry.\n    static let typeCount = \(order.count)\n\n"
            s += "    /// The whole registry, ids 0..<typeCount.\n    static func typeTable() -> [PortableType] {\n"
            s += "        var b = TypeTableBuilder(capacity: typeCount)\n"
            for k in 1...part { s += "        addTypes\(k)(&b)\n" }
            s += "        return b.types\n    }\n}\n"
            files.append(("DevnetTypeTable.swift", s))
        }

        mutating func emitPallets(callPallets: Set<String>, runtimeCall: UInt32, runtimeEvent: UInt32) throws {
            var s = Self.header + "import Scale\n\nextension DevnetMetadata {\n"
            s += "    /// The pallets the devnet serves, with Khala's indices, storage, calls, events, errors, constants.\n"
            s += "    static func palletTable() -> [PalletMetadata] {\n        [\n"
            for (name, sel) in selection {
                let p = try #require(real.pallet(named: name))
                s += "            PalletMetadata(\n                name: \(lit(name)),\n"
                if let st = p.storage {
                    s += "                storage: PalletStorage(prefix: \(lit(st.prefix)), entries: [\n"
                    for e in st.entries where sel.storage.map({ $0.contains(e.name) }) ?? true {
                        let def = Hex.encode(e.defaultBytes)
                        switch e.type {
                        case .plain(let v):
                            s += "                    entry(\(lit(e.name)), .\(e.modifier), plain: \(id(v)), default: \(lit(def))),\n"
                        case .map(let hs, let k, let v):
                            let h = hs.map { ".\($0)" }.joined(separator: ", ")
                            s += "                    entry(\(lit(e.name)), .\(e.modifier), map: [\(h)], key: \(id(k)), value: \(id(v)), default: \(lit(def))),\n"
                        }
                    }
                    s += "                ]),\n"
                } else {
                    s += "                storage: nil,\n"
                }
                let call = callPallets.contains(name) ? p.callType.map(id) ?? "nil" : "nil"
                s += "                callType: \(call),\n"
                s += "                eventType: \(p.eventType.map(id) ?? "nil"),\n"
                s += "                constants: [\n"
                for c in p.constants where sel.constants.map({ $0.contains(c.name) }) ?? true {
                    s += "                    constant(\(lit(c.name)), \(id(c.type)), \(lit(Hex.encode(c.value)))),\n"
                }
                s += "                ],\n"
                s += "                errorType: \(p.errorType.map(id) ?? "nil"),\n"
                s += "                index: \(p.index)\n            ),\n"
            }
            s += "        ]\n    }\n\n"
            s += "    /// The extrinsic format of Khala 1251: UncheckedExtrinsic v4 and its nine signed extensions.\n"
            s += "    static let extrinsicTable = ExtrinsicMetadata(type: \(id(real.extrinsic.type)), version: \(real.extrinsic.version), signedExtensions: [\n"
            for ext in real.extrinsic.signedExtensions {
                s += "        SignedExtensionMetadata(identifier: \(lit(ext.identifier)), type: \(id(ext.type)), additionalSigned: \(id(ext.additionalSigned))),\n"
            }
            s += "    ])\n\n"
            s += "    /// Type id of `khala_parachain_runtime::Runtime`.\n    static let runtimeTypeId: UInt32 = \(id(real.runtimeType))\n"
            s += "    /// Type id of `RuntimeCall` (only the calls the devnet serves).\n    static let runtimeCallTypeId: UInt32 = \(id(runtimeCall))\n"
            s += "    /// Type id of `RuntimeEvent` (the events of the served pallets).\n    static let runtimeEventTypeId: UInt32 = \(id(runtimeEvent))\n"
            s += "}\n"
            files.append(("DevnetPalletTable.swift", s))
        }
    }
}
