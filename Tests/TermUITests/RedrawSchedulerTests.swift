import Testing
import TermUI

@Suite("Redraw scheduling")
struct RedrawSchedulerTests {
    @Test("idle sleeps forever; the first change draws at once")
    func idle() {
        var s = RedrawScheduler()
        #expect(s.shouldDraw(nowNanos: 5))          // the first frame
        s.didDraw(nowNanos: 5)
        #expect(s.pollTimeoutMs(nowNanos: 10_000_000_000) == -1)
        #expect(!s.shouldDraw(nowNanos: 10_000_000_000))
        s.markDirty()
        #expect(s.shouldDraw(nowNanos: 10_000_000_000))
        #expect(s.pollTimeoutMs(nowNanos: 10_000_000_000) == 0)
    }

    @Test("a burst of events inside the interval becomes one frame, never more than ~30 a second")
    func burst() {
        var s = RedrawScheduler(minIntervalNanos: 33_000_000)
        var now: UInt64 = 1_000_000_000
        s.didDraw(nowNanos: now)
        // 1,000 key presses, one every 0.1 ms, over 100 ms; the loop draws
        // whenever the scheduler says so.
        for _ in 0..<1000 {
            now += 100_000
            s.markDirty()
            if s.shouldDraw(nowNanos: now) { s.didDraw(nowNanos: now) }
        }
        #expect(s.framesDrawn == 1 + 3)   // at 33, 66 and 99 ms
        // The pending change is drawn when its interval ends: poll waits for it.
        #expect(s.isDirty)
        let wait = s.pollTimeoutMs(nowNanos: now)
        #expect(wait > 0 && wait <= 33)
        now += UInt64(wait) * 1_000_000
        #expect(s.shouldDraw(nowNanos: now))
    }
}
