import MiningCore
import TermUI

/// Everything the dashboard shows, in one value. Only `reduce` changes it
/// (STYLE.md principle 1); panes read it (principle 2).
///
/// Derived data (`rows`, `visible`, `pools`) is recomputed in `reduce` when
/// the fleet, the filter or the sort changes, never while drawing, so a frame
/// costs the same for 50 or 10,000 workers.
public struct AppState: Sendable, Equatable {
    /// Where the data comes from; anything but `.live` shows a banner.
    public enum DataSource: Hashable, Sendable {
        case live(endpoint: String)
        /// The embedded devnet or a scripted preview: say so on screen.
        case simulated(String)
    }

    public internal(set) var fleet: Fleet
    public internal(set) var config: DashboardConfig {
        didSet { workerNames = config.workerNames }
    }
    /// `config.workerNames`, built once: log lines name workers per
    /// observation, and a 10,000-worker load has 10,000 of them.
    private(set) var workerNames: [WorkerKey: String] = [:]
    public internal(set) var source: DataSource
    public internal(set) var chainName: String?
    public internal(set) var specVersion: UInt32?
    public internal(set) var finalizedBlock: UInt32?
    public internal(set) var size: Size
    /// Wall clock from the last `tick`, ms.
    public internal(set) var nowMs: UInt64?
    /// Wall time the newest block arrived, ms.
    public internal(set) var lastBlockArrivalMs: UInt64?

    /// Every watched worker, in key order (the order of `statusCache`).
    public internal(set) var rows: [WorkerRow] = []
    /// Worker and pool statuses kept up to date block by block: a block
    /// re-derives only the workers it changed (10,000 workers in a few ms).
    var statusCache = FleetStatusCache()
    /// Indices into `rows` after filter, problems-only and sort.
    public internal(set) var visible: [Int] = []
    /// Status of the selected worker's pool (from `statusCache`).
    public internal(set) var selectedPool: PoolStatus?
    /// Position in `visible` of the selected worker.
    public internal(set) var selectedIndex: Int?
    public internal(set) var selectedKey: WorkerKey?
    /// First visible table row (kept between frames so the view does not jump).
    public internal(set) var tableOffset = 0

    public internal(set) var focus: PaneID = .fleet
    public internal(set) var overlay: Overlay?
    public internal(set) var sort: SortKey = .risk
    public internal(set) var sortDescending = true
    /// The filter in force and its text.
    public internal(set) var filter: FilterQuery = .all
    public internal(set) var filterText = ""
    /// Present while the filter line is being edited.
    public internal(set) var filterEditor: LineEditor?
    /// The problem with what is being typed (the previous filter stays in force).
    public internal(set) var filterError: FilterError?
    public internal(set) var problemsOnly = false
    public internal(set) var marked: Set<WorkerKey> = []
    /// Display frozen: observations still update the fleet, rows are not re-derived.
    public internal(set) var frozen = false
    public internal(set) var themeNames: [String]
    public internal(set) var themeName: String
    public internal(set) var themeProblems: [String] = []
    /// Who signs actions, or why nothing can be signed (issue 8).
    public internal(set) var signer: SignerStatus
    /// The action being set up (stake input, preparing, confirmation).
    public internal(set) var actionDialog: ActionDialog?
    /// What the chain would refuse about the action being confirmed (the stake's warnings).
    public internal(set) var actionWarnings: [String] = []
    /// Submitted extrinsics, newest first, at most `maxTransactions`.
    public internal(set) var transactions: [TransactionEntry] = []
    /// The id the next action gets.
    public internal(set) var nextActionID = ActionID(1)
    /// A one-key message in the footer (why a key did nothing, a cancel);
    /// cleared by the next key.
    public internal(set) var notice: Notice?
    /// The last round of pRuntime `/info` polls, by worker (issue 8): workers
    /// whose config names a pRuntime endpoint; replaced by each round.
    public internal(set) var pruntimeStatuses: [WorkerKey: PRuntimeStatus] = [:]
    /// The chain head when that round arrived: a pRuntime's lag is measured
    /// against the head of its poll, not a later one (polls are seconds apart).
    public internal(set) var pruntimePolledAtBlock: UInt32?
    /// Newest first, at most `maxEvents`.
    public internal(set) var events: [LogEntry] = []
    public internal(set) var eventOffset = 0
    /// Whether the user has asked to leave.
    public internal(set) var quitRequested = false

    public static let maxEvents = 500
    public static let maxTransactions = 200

    public init(fleet: Fleet = Fleet(), config: DashboardConfig = DashboardConfig(), source: DataSource,
                size: Size = Size(width: 80, height: 24), themeNames: [String] = Theme.builtinNames,
                signer: SignerStatus = .noKey) {
        self.fleet = fleet
        self.signer = signer
        self.config = config
        self.workerNames = config.workerNames
        self.source = source
        self.size = size
        self.themeNames = themeNames.isEmpty ? ["default"] : themeNames
        self.themeName = config.theme
        rederive()
    }

    /// The selected worker's row, if any.
    public var selectedRow: WorkerRow? {
        guard let i = selectedIndex, i >= 0, i < visible.count else { return nil }
        return rows[visible[i]]
    }

    /// The row shown at table position `i`.
    public func visibleRow(_ i: Int) -> WorkerRow? {
        guard i >= 0, i < visible.count else { return nil }
        return rows[visible[i]]
    }

    /// The pool status of `pid` when it is the selected worker's pool.
    public func pool(_ pid: UInt64?) -> PoolStatus? {
        guard let pid, selectedPool?.pid == pid else { return nil }
        return selectedPool
    }

    /// Submitted extrinsics that may still change state, oldest first.
    public var actionsInFlight: [TransactionEntry] { transactions.filter(\.inFlight).reversed() }

    /// Milliseconds since the newest block arrived (nil before a block or a tick).
    public var msSinceLastBlock: UInt64? {
        guard let now = nowMs, let last = lastBlockArrivalMs else { return nil }
        return now >= last ? now - last : 0
    }
}
