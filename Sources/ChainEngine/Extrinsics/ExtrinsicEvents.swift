import ChainCrypto
import Scale

/// Reads the `System.Events` of a block through the metadata and finds how
/// one extrinsic (by its index in the block) ended (PROTOCOL.md §3: events
/// carry `Phase::ApplyExtrinsic(index)`).
public struct ExtrinsicEvents: Sendable {
    public let metadata: RuntimeMetadataV14
    public let codec: DynamicCodec

    public init(metadata: RuntimeMetadataV14, codec: DynamicCodec? = nil) {
        self.metadata = metadata
        self.codec = codec ?? DynamicCodec(registry: metadata.registry)
    }

    /// The storage key of `System.Events`.
    public static var storageKey: [UInt8] { StorageKey.prefix(pallet: "System", entry: "Events") }

    /// One event of the block: its phase's extrinsic index (nil outside
    /// `ApplyExtrinsic`), pallet and event names and fields.
    public struct Record: Sendable, Hashable {
        public var extrinsicIndex: UInt32?
        public var pallet: String
        public var name: String
        public var fields: [ScaleField]
    }

    /// Decodes the SCALE value of `System.Events`.
    public func records(_ bytes: [UInt8]) throws(ExtrinsicEventsError) -> [Record] {
        guard let entry = metadata.storageEntry(pallet: "System", name: "Events") else {
            throw .noEventsEntry
        }
        let value: ScaleValue
        do { value = try codec.decode(type: entry.valueType, from: bytes) } catch {
            throw .undecodable("\(error)")
        }
        var out: [Record] = []
        for r in value.elements {
            guard let phase = r[field: "phase"], let event = r[field: "event"],
                  case .variant(let pallet, _, let pf) = event,
                  let inner = pf.first?.value, case .variant(let name, _, let fields) = inner else {
                throw .undecodable("an event record without phase/event")
            }
            var index: UInt32?
            if phase.variantName == "ApplyExtrinsic", let i = phase.fields.first?.value.uint { index = UInt32(exactly: i) }
            out.append(Record(extrinsicIndex: index, pallet: pallet, name: name, fields: fields))
        }
        return out
    }

    /// `ExtrinsicSuccess` or `ExtrinsicFailed` of extrinsic `index`; nil when neither is there.
    public func outcome(extrinsicIndex index: UInt32, eventsBytes: [UInt8]) throws(ExtrinsicEventsError) -> DispatchOutcome? {
        for r in try records(eventsBytes) where r.extrinsicIndex == index && r.pallet == "System" {
            if r.name == "ExtrinsicSuccess" { return .success }
            if r.name == "ExtrinsicFailed" {
                let err = r.fields.first { $0.name == "dispatch_error" }?.value ?? r.fields.first?.value
                guard let err else { throw .undecodable("ExtrinsicFailed without a dispatch error") }
                return .failed(DispatchFailure(dispatchError: err, metadata: metadata))
            }
        }
        return nil
    }
}

/// Why a block's events could not be read.
public enum ExtrinsicEventsError: Error, Sendable, Equatable, CustomStringConvertible {
    case noEventsEntry
    case undecodable(String)

    public var description: String {
        switch self {
        case .noEventsEntry: return "the metadata has no System.Events storage entry"
        case .undecodable(let r): return "cannot decode System.Events: \(r)"
        }
    }
}
