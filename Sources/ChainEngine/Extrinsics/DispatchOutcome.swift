import Scale

/// How an included extrinsic ended, read from its block's `System.Events`
/// (PROTOCOL.md §3): `ExtrinsicSuccess`, or `ExtrinsicFailed` with the
/// dispatch error named through the metadata, e.g.
/// `PhalaStakePoolv2.InsufficientFreeStake: doc line`.
public enum DispatchOutcome: Sendable, Hashable, CustomStringConvertible {
    case success
    case failed(DispatchFailure)

    public var description: String {
        switch self {
        case .success: return "success"
        case .failed(let f): return "failed: \(f)"
        }
    }
}

/// A decoded `DispatchError`.
public struct DispatchFailure: Sendable, Hashable, CustomStringConvertible {
    /// `Pallet.ErrorName` for module errors, else the error's variant path (`BadOrigin`, `Token.FundsUnavailable`).
    public var name: String
    /// The error's first doc line (module errors), or empty.
    public var doc: String
    /// Pallet index and error index of a module error (nil otherwise).
    public var modulePallet: UInt8?
    public var moduleError: UInt8?

    public init(name: String, doc: String, modulePallet: UInt8? = nil, moduleError: UInt8? = nil) {
        self.name = name; self.doc = doc; self.modulePallet = modulePallet; self.moduleError = moduleError
    }

    public var description: String { doc.isEmpty ? name : "\(name): \(doc)" }

    /// Names a dynamically decoded `sp_runtime::DispatchError` through `metadata`.
    public init(dispatchError v: ScaleValue, metadata: RuntimeMetadataV14) {
        guard case .variant(let kind, _, let fields) = v else {
            self.init(name: "unknown dispatch error (\(v.kind))", doc: "")
            return
        }
        if kind == "Module", let m = fields.first?.value {
            // {index: u8, error: [u8; 4]} (current) or {index: u8, error: u8} (old).
            let index = (m[field: "index"] ?? m.elements.first)?.uint
            let errorValue = m[field: "error"] ?? (m.elements.count > 1 ? m.elements[1] : nil)
            let errorByte: UInt128? = errorValue?.byteArray?.first.map { UInt128($0) } ?? errorValue?.uint
            if let index, let errorByte, let p = UInt8(exactly: index), let e = UInt8(exactly: errorByte) {
                if let (pallet, variant) = metadata.error(palletIndex: p, errorIndex: e) {
                    let doc = variant.docs.map(trimmedSpaces).first { !$0.isEmpty } ?? ""
                    self.init(name: "\(pallet).\(variant.name)", doc: doc, modulePallet: p, moduleError: e)
                } else {
                    self.init(name: "module error \(e) of pallet \(p) (not in this metadata)", doc: "", modulePallet: p, moduleError: e)
                }
                return
            }
            self.init(name: "Module (malformed)", doc: "")
            return
        }
        if let inner = fields.first?.value.variantName {
            self.init(name: "\(kind).\(inner)", doc: "")
        } else {
            self.init(name: kind, doc: "")
        }
    }

}

/// A doc line without its leading/trailing spaces (rustdoc lines start with one).
private func trimmedSpaces(_ line: String) -> String {
    var s = Substring(line)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return String(s)
}
