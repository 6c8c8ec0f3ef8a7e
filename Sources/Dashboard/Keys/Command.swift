/// What a key asks the dashboard to do; the key table maps keys to these and
/// `reduce` performs them (STYLE.md principle 1: a key press becomes
/// `.focusNext`, the pane never moves focus itself).
public enum Command: Hashable, Sendable, CaseIterable {
    case moveDown, moveUp, pageDown, pageUp, moveTop, moveBottom
    case focusNext, focusPrevious
    case openDetail
    case sortNext, sortReverse
    case startFilter
    case toggleProblems
    case toggleMark
    case toggleFreeze
    case cycleTheme
    case showHelp
    case quit
    case closeOverlay
    /// Chain actions on the selected or marked workers (issue 8).
    case register, addToPool, startComputing, stopComputing, reclaim, restartComputing
}
