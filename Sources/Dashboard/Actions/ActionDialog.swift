import MiningCore
import TermUI

/// The modal steps of one action (issue 8): the stake input of start and
/// restart, the wait while the run loop prepares the draft, the
/// confirmation, or why preparing failed. `reduce` moves between them.
public enum ActionDialog: Hashable, Sendable {
    case stakeInput(StakeInput)
    case preparing(ActionID, ChainAction)
    case confirm(ActionID, ChainAction, ActionPreview)
    case failed(ChainAction, reason: String)
}
