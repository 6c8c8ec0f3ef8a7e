/// Summary of a window of block intervals or latencies (last, mean, p95,
/// max), for the heartbeat health columns (§4.2, §4.3; OPERATORS.md need 1).
///
/// Values are whole blocks (`Int`, never negative); `mean` is fractional.
public struct IntervalStats: Hashable, Sendable {
    public var count: Int
    public var last: Int?
    public var mean: Double?
    /// Nearest-rank 95th percentile.
    public var p95: Int?
    public var max: Int?

    public static let empty = IntervalStats(count: 0, last: nil, mean: nil, p95: nil, max: nil)

    public init(count: Int, last: Int?, mean: Double?, p95: Int?, max: Int?) {
        self.count = count
        self.last = last
        self.mean = mean
        self.p95 = p95
        self.max = max
    }

    /// Stats of `values` in arrival order (the last element is the latest).
    public init(_ values: [Int]) {
        guard let latest = values.last else { self = .empty; return }
        let sorted = values.sorted()
        let rank = (sorted.count * 95 + 99) / 100  // ceil(0.95·n), 1-based
        self.init(count: values.count, last: latest,
                  mean: Double(values.reduce(0, +)) / Double(values.count),
                  p95: sorted[Swift.max(0, rank - 1)], max: sorted.last)
    }
}
