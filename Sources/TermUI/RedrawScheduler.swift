/// Decides when the run loop draws: never while nothing changed, at once when
/// something changed and the last frame is old enough, otherwise after the
/// rest of the minimum interval.
///
/// Why a value with the clock passed in: the run loop (TermUINCurses) sleeps
/// in `poll` with the timeout this returns, and tests step a fake clock to
/// show that a burst of events becomes one frame (STYLE.md, principle 5;
/// ARCHITECTURE.md: redraws coalesced to at most ~30 a second, no frame timer).
public struct RedrawScheduler: Sendable, Hashable {
    /// Shortest time between two frames (33 ms: about 30 frames a second).
    public var minIntervalNanos: UInt64
    /// Something changed since the last frame.
    public private(set) var isDirty = true
    public private(set) var lastFrameNanos: UInt64?
    public private(set) var framesDrawn = 0

    public init(minIntervalNanos: UInt64 = 33_000_000) {
        self.minIntervalNanos = minIntervalNanos
    }

    /// Records that state changed and a frame is wanted.
    public mutating func markDirty() { isDirty = true }

    /// True when a frame should be drawn now.
    public func shouldDraw(nowNanos: UInt64) -> Bool {
        guard isDirty else { return false }
        guard let last = lastFrameNanos else { return true }
        return nowNanos >= last &+ minIntervalNanos || nowNanos < last
    }

    /// Records a frame drawn at `nowNanos`.
    public mutating func didDraw(nowNanos: UInt64) {
        isDirty = false
        lastFrameNanos = nowNanos
        framesDrawn += 1
    }

    /// The `poll` timeout in milliseconds: -1 (sleep until an event) when
    /// clean, 0 when a frame is due, else the time until it is (rounded up).
    public func pollTimeoutMs(nowNanos: UInt64) -> Int32 {
        guard isDirty else { return -1 }
        if shouldDraw(nowNanos: nowNanos) { return 0 }
        let due = (lastFrameNanos ?? 0) &+ minIntervalNanos
        return Int32(min(UInt64(Int32.max), (due - nowNanos + 999_999) / 1_000_000))
    }
}
