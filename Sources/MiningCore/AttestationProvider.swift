/// Who attested a worker (§1.1 `AttestationProvider`): 0 Root, 1 Ias,
/// 2 Dcap (absent before spec ~1260). Raw values are the SCALE variant indices.
public enum AttestationProvider: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case root = 0
    case ias = 1
    case dcap = 2

    public var description: String {
        switch self {
        case .root: return "Root"
        case .ias: return "IAS"
        case .dcap: return "DCAP"
        }
    }
}
