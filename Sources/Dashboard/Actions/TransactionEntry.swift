/// One submitted extrinsic in the transactions pane (issue 8; OPERATORS.md
/// need 11): what it does, how far it got and, when it failed, the decoded
/// error. Kept in `AppState`, so an engine reconnect does not lose it.
public struct TransactionEntry: Hashable, Sendable {
    /// How far the extrinsic got (`author_submitAndWatchExtrinsic` statuses).
    public enum Status: Hashable, Sendable {
        /// Signed and sent, no answer yet.
        case submitted
        case ready
        case inBlock
        case finalized
        /// Left the pool without being included (or replaced, or timed out).
        case dropped
        /// The node refused it (bad nonce, signature, funds) or found it invalid.
        case invalid
        /// The watch ended without a final status (connection lost).
        case unknown

        public var isFinal: Bool {
            switch self {
            case .finalized, .dropped, .invalid, .unknown: return true
            case .submitted, .ready, .inBlock: return false
            }
        }

        public var text: String {
            switch self {
            case .submitted: return "submitted"
            case .ready: return "ready"
            case .inBlock: return "in block"
            case .finalized: return "finalized"
            case .dropped: return "dropped"
            case .invalid: return "invalid"
            case .unknown: return "unknown"
            }
        }
    }

    /// How dispatch ended, read from the block's events.
    public enum Outcome: Hashable, Sendable {
        case success
        /// The decoded dispatch error, e.g. `PhalaStakePoolv2.InsufficientFreeStake: doc`.
        case failed(String)
    }

    public var id: ActionID
    public var summary: String
    public var status: Status
    public var outcome: Outcome?
    /// Why it is dropped/invalid/unknown, in words.
    public var detail: String?
    /// `0x1234…abcd` of the extrinsic hash once known.
    public var hash: String?
    /// Block number when it was submitted (the dashboard's current block).
    public var submittedAtBlock: UInt32?
    /// Block number it was included in, when known.
    public var includedInBlock: UInt32?

    public init(id: ActionID, summary: String, status: Status = .submitted, submittedAtBlock: UInt32? = nil) {
        self.id = id
        self.summary = summary
        self.status = status
        self.submittedAtBlock = submittedAtBlock
    }

    /// True while the extrinsic may still change state (counts as "in flight").
    public var inFlight: Bool { !status.isFinal }

    /// Succeeded: finalized with `ExtrinsicSuccess`.
    public var succeeded: Bool { status == .finalized && outcome == .success }
}

/// A status report for one submitted action, from the run loop.
public struct TransactionProgress: Hashable, Sendable {
    public var status: TransactionEntry.Status
    public var outcome: TransactionEntry.Outcome?
    public var detail: String?
    public var hash: String?
    public var blockNumber: UInt32?

    public init(status: TransactionEntry.Status, outcome: TransactionEntry.Outcome? = nil, detail: String? = nil,
                hash: String? = nil, blockNumber: UInt32? = nil) {
        self.status = status
        self.outcome = outcome
        self.detail = detail
        self.hash = hash
        self.blockNumber = blockNumber
    }
}
