/// How much of a split one part takes.
///
/// Why these three: dashboard panes are either a fixed number of rows (a header,
/// a footer), a share of the screen, or "the rest"; anything more elaborate is
/// a nested split.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (less if the space runs out).
    case fixed(Int)
    /// This percentage (0-100) of the whole length.
    case percentage(Int)
    /// A share of what is left after fixed and percentage parts, by weight.
    case fill(Int)
}

/// Split direction: `.vertical` stacks rows, `.horizontal` places columns side by side.
public enum Direction: Sendable, Hashable {
    case vertical
    case horizontal
}

/// Splits a rectangle into parts by constraints.
///
/// Fixed parts are served first, then percentages, then fills share the rest by
/// weight (remainders go to the earliest fills); when space runs out later parts
/// get zero. The parts always tile the rectangle without overlap.
public struct Layout: Sendable, Hashable {
    public var direction: Direction
    public var constraints: [Constraint]
    /// Cells between consecutive parts.
    public var spacing: Int

    public init(_ direction: Direction, _ constraints: [Constraint], spacing: Int = 0) {
        self.direction = direction
        self.constraints = constraints
        self.spacing = max(0, spacing)
    }

    public static func vertical(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
        Layout(.vertical, constraints, spacing: spacing)
    }

    public static func horizontal(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
        Layout(.horizontal, constraints, spacing: spacing)
    }

    /// The lengths of each part for a total `length`.
    public func lengths(total length: Int) -> [Int] {
        let count = constraints.count
        guard count > 0 else { return [] }
        var remaining = max(0, length - spacing * (count - 1))
        var sizes = Array(repeating: 0, count: count)
        // Fixed first, then percentages, in order.
        for (i, c) in constraints.enumerated() {
            if case .fixed(let n) = c {
                sizes[i] = min(max(0, n), remaining)
                remaining -= sizes[i]
            }
        }
        for (i, c) in constraints.enumerated() {
            if case .percentage(let p) = c {
                sizes[i] = min(max(0, min(100, p)) * max(0, length) / 100, remaining)
                remaining -= sizes[i]
            }
        }
        let fills = constraints.enumerated().compactMap { (i, c) -> (Int, Int)? in
            if case .fill(let w) = c { return (i, max(0, w)) }
            return nil
        }
        let totalWeight = fills.reduce(0) { $0 + $1.1 }
        if totalWeight > 0, remaining > 0 {
            var given = 0
            for (i, w) in fills {
                sizes[i] = remaining * w / totalWeight
                given += sizes[i]
            }
            var extra = remaining - given
            for (i, w) in fills where extra > 0 && w > 0 {
                sizes[i] += 1
                extra -= 1
            }
        }
        return sizes
    }

    /// The parts of `area`, in constraint order.
    public func split(_ area: Rect) -> [Rect] {
        let total = direction == .vertical ? area.height : area.width
        let sizes = lengths(total: total)
        var offset = 0
        var parts: [Rect] = []
        parts.reserveCapacity(sizes.count)
        for (i, size) in sizes.enumerated() {
            let start = min(offset, total)
            let length = min(size, total - start)
            switch direction {
            case .vertical: parts.append(Rect(x: area.x, y: area.y + start, width: area.width, height: length))
            case .horizontal: parts.append(Rect(x: area.x + start, y: area.y, width: length, height: area.height))
            }
            offset = start + length + (i < sizes.count - 1 ? spacing : 0)
        }
        return parts
    }
}
