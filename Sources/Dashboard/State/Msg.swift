import MiningCore
import TermUI

/// Everything that can happen to the dashboard, as past-tense facts
/// (STYLE.md principle 4). Time arrives only in messages (`tick`, the
/// arrival time of observations): the module reads no clock.
public enum Msg: Sendable {
    case keyPressed(Key)
    /// The engine observed these facts (in order); `atMs` is the wall time
    /// they arrived, for "last block 8 s ago".
    case observationsArrived([Observation], atMs: UInt64)
    /// The node said which chain and runtime it runs.
    case chainIdentified(name: String, specVersion: UInt32)
    case finalizedBlockObserved(UInt32)
    case connectionChanged(ConnectionState)
    case terminalResized(Size)
    /// Wall-clock time moved on (drives countdowns and "ago" texts).
    case tick(nowMs: UInt64)
    /// The theme the run loop loaded for `.loadTheme`; problems are shown.
    case themeLoaded(name: String, problems: [String])
    /// Who signs actions (the key loaded before the screen opened, or none).
    case signerIdentified(SignerStatus)
    /// The run loop prepared action `id` (nothing signed yet): show the confirmation.
    case actionPrepared(ActionID, ActionPreview)
    /// Preparing action `id` failed (node unreachable, call not in the metadata...).
    case actionPreparationFailed(ActionID, reason: String)
    /// A submitted action's extrinsic moved on (ready, in block, finalized...).
    case transactionProgressed(ActionID, TransactionProgress)
    /// One round of the workers' pRuntime `/info` polls (issue 8): every
    /// configured endpoint's answer or why it gave none, by worker.
    case pruntimeStatusesPolled([WorkerKey: PRuntimeStatus])
}
