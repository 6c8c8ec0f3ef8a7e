import Scale

/// Encodes calls by NAME through the live runtime metadata: pallet index,
/// call index and argument types all come from the metadata the node serves,
/// so a runtime upgrade that moves an index or changes a type does not make
/// us sign the wrong thing (PROTOCOL.md §1.6, §2).
///
/// Build one per metadata (it prepares a `DynamicCodec`) and reuse it.
public struct CallEncoder: Sendable {
    public let metadata: RuntimeMetadataV14
    public let codec: DynamicCodec

    public init(metadata: RuntimeMetadataV14) {
        self.metadata = metadata
        self.codec = DynamicCodec(registry: metadata.registry)
    }

    /// `pallet.call(arguments)`; arguments are matched to the metadata's
    /// fields by name (every field needs exactly one argument), in the
    /// metadata's order.
    public func encode(pallet: String, call: String, arguments: [(name: String, value: CallArgument)]) throws(ExtrinsicError) -> EncodedCall {
        guard let p = metadata.pallet(named: pallet) else { throw .unknownPallet(pallet) }
        guard let variant = metadata.variants(ofType: p.callType).first(where: { $0.name == call }) else {
            throw .unknownCall(pallet: pallet, call: call)
        }
        let label = "\(pallet).\(call)"
        let expected = variant.fields.enumerated().map { $0.element.name ?? "_\($0.offset)" }
        let given = arguments.map(\.name)
        guard expected.count == given.count, Set(expected) == Set(given), Set(given).count == given.count else {
            throw .argumentMismatch(call: label, expected: expected, given: given)
        }
        var e = ScaleEncoder()
        e.appendByte(p.index)
        e.appendByte(variant.index)
        for (name, field) in zip(expected, variant.fields) {
            guard let arg = arguments.first(where: { $0.name == name }) else {
                throw .argumentMismatch(call: label, expected: expected, given: given)
            }
            try encodeArgument(arg.value, type: field.type, call: label, argument: name, to: &e)
        }
        return EncodedCall(pallet: pallet, name: call, bytes: e.bytes)
    }

    /// The type id of the runtime's outer call enum (`RuntimeCall`), found as
    /// the `Call` parameter of the extrinsic type, or nil when the metadata does not say.
    public var runtimeCallType: UInt32? {
        metadata.registry[metadata.extrinsic.type]?.params.first { $0.name == "Call" }?.type
    }

    func encodeArgument(_ value: CallArgument, type id: UInt32, call: String, argument: String,
                        to e: inout ScaleEncoder) throws(ExtrinsicError) {
        let registry = metadata.registry
        let typeName = registry.typeName(id)
        func fail(_ reason: String) -> ExtrinsicError {
            .argumentType(call: call, argument: argument, expected: typeName, reason: reason)
        }
        let inner = registry.unwrapNewtypes(id)
        switch value {
        case .unsigned(let v):
            switch registry[inner]?.def {
            case .primitive(let prim)?:
                guard [.u8, .u16, .u32, .u64, .u128].contains(prim), let size = prim.fixedSize else {
                    throw fail("an unsigned integer was given")
                }
                guard size == 16 || v >> UInt128(size * 8) == 0 else { throw fail("\(v) does not fit \(prim)") }
                e.appendLittleEndian(v, byteCount: size)
            case .compact(let c)?:
                if case .primitive(let prim)? = registry[registry.unwrapNewtypes(c)]?.def, let size = prim.fixedSize,
                   size < 16, v >> UInt128(size * 8) != 0 {
                    throw fail("\(v) does not fit Compact<\(prim)>")
                }
                e.encodeCompact(v)
            default:
                throw fail("an unsigned integer was given")
            }
        case .bytes(let b):
            switch registry[inner]?.def {
            case .array(let length, let element)? where isU8(element):
                guard b.count == Int(length) else { throw fail("\(b.count) bytes were given") }
                e.append(b)
            case .sequence(let element)? where isU8(element):
                e.encodeCompact(UInt64(b.count))
                e.append(b)
            default:
                throw fail("raw bytes were given")
            }
        case .encoded(let raw):
            do { _ = try codec.decode(type: id, from: raw) } catch {
                throw fail("the encoded value does not decode as this type (\(error))")
            }
            e.append(raw)
        case .value(let v):
            do { try codec.encode(v, type: id, to: &e) } catch { throw fail("\(error)") }
        case .calls(let calls):
            guard case .sequence(let element)? = registry[inner]?.def else { throw fail("a list of calls was given") }
            e.encodeCompact(UInt64(calls.count))
            for (i, c) in calls.enumerated() {
                do { _ = try codec.decode(type: element, from: c.bytes) } catch {
                    throw fail("call \(i) (\(c.pallet).\(c.name)) is not a call of this runtime (\(error))")
                }
                e.append(c.bytes)
            }
        }
    }

    private func isU8(_ id: UInt32) -> Bool {
        if case .primitive(.u8)? = metadata.registry[id]?.def { return true }
        return false
    }
}
