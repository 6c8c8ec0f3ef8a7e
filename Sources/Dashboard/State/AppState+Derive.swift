import MiningCore
import TermUI

extension AppState {
    /// Brings rows up to date with the fleet, then the visible list. Only
    /// what changed is re-derived (`FleetStatusCache`): rows of re-derived
    /// workers are rebuilt and re-placed in the visible list; the others
    /// get their clock-refreshed status and keep their place.
    mutating func rederive() {
        let update = statusCache.update(to: fleet)
        let statuses = statusCache.statuses
        if update.rebuilt || rows.count != statuses.count {
            let names = workerNames
            rows = statuses.map {
                WorkerRow(status: $0, name: names[$0.key] ?? "", heartbeatBlocks: fleet.workers[$0.key]?.heartbeat.heartbeatBlocks ?? [])
            }
            refilter()
            return
        }
        for i in update.rederived {
            let s = statuses[i]
            rows[i] = WorkerRow(status: s, name: rows[i].name, heartbeatBlocks: fleet.workers[s.key]?.heartbeat.heartbeatBlocks ?? [])
        }
        if update.refreshedAll {
            for i in rows.indices { rows[i].status = statuses[i] }
        }
        if update.isEmpty {
            refreshSelectedPool()
        } else if update.refreshedAll && sort == .heartbeat {
            // The clock moved every row's heartbeat age, the sort key.
            refilter()
        } else {
            refilter(changed: update.rederived)
        }
    }

    /// Whether `row` passes the filter and the problems-only toggle.
    func isShown(_ row: WorkerRow) -> Bool {
        (!problemsOnly || row.status.risk.level >= .watch) && filter.matches(row)
    }

    /// Strict table order of rows `a` and `b`: the sort column, then label, then key.
    func precedes(_ a: Int, _ b: Int, in rows: UnsafeBufferPointer<WorkerRow>) -> Bool {
        if let less = sort.ascending(rows[a], rows[b]) { return sortDescending ? !less : less }
        if rows[a].label != rows[b].label { return rows[a].label < rows[b].label }
        return rows[a].key < rows[b].key
    }

    /// Recomputes `visible` from rows, filter, problems-only and sort, keeping
    /// the selected worker selected when it is still shown. The previous
    /// order goes in first: sorting nearly sorted input costs about one
    /// comparison per row.
    mutating func refilter() {
        var seen = [Bool](repeating: false, count: rows.count)
        var out: [Int] = []
        out.reserveCapacity(rows.count)
        for i in visible where i < rows.count && !seen[i] {
            seen[i] = true
            if isShown(rows[i]) { out.append(i) }
        }
        for i in rows.indices where !seen[i] && isShown(rows[i]) { out.append(i) }
        let state = self
        rows.withUnsafeBufferPointer { buffer in
            out.sort { state.precedes($0, $1, in: buffer) }
        }
        visible = out
        reselect()
    }

    /// `refilter()` when only the rows at `changed` moved: they are taken
    /// out and put back where they now belong (binary search), the others
    /// keep their order. Same result as `refilter()`, in O(rows + changed · log rows).
    mutating func refilter(changed: [Int]) {
        guard !changed.isEmpty else { reselect(); return }
        let moved = Set(changed)
        var out = visible.filter { !moved.contains($0) }
        let state = self
        rows.withUnsafeBufferPointer { buffer in
            for i in changed where state.isShown(buffer[i]) {
                var low = 0, high = out.count
                while low < high {
                    let mid = (low + high) / 2
                    if state.precedes(out[mid], i, in: buffer) { low = mid + 1 } else { high = mid }
                }
                out.insert(i, at: low)
            }
        }
        visible = out
        reselect()
    }

    /// Re-finds the selected key in `visible`; falls back to the same position.
    mutating func reselect() {
        defer { refreshSelectedPool() }
        guard !visible.isEmpty else { selectedIndex = nil; tableOffset = 0; return }
        if let key = selectedKey, let i = visible.firstIndex(where: { rows[$0].key == key }) {
            selectedIndex = i
        } else {
            let i = min(max(0, selectedIndex ?? 0), visible.count - 1)
            selectedIndex = i
            selectedKey = rows[visible[i]].key
        }
        keepSelectionInView()
    }

    mutating func select(_ index: Int) {
        guard !visible.isEmpty else { return }
        let i = min(max(0, index), visible.count - 1)
        selectedIndex = i
        selectedKey = rows[visible[i]].key
        keepSelectionInView()
        refreshSelectedPool()
    }

    /// Derives the selected worker's pool when it is not the one held.
    mutating func refreshSelectedPool() {
        guard let pid = selectedRow?.status.pid else { selectedPool = nil; return }
        selectedPool = statusCache.poolStatus(pid: pid)
    }

    mutating func keepSelectionInView() {
        let viewport = ScreenLayout(size: size, state: self).fleetViewportRows
        tableOffset = Table.scrollOffset(selected: selectedIndex, offset: tableOffset,
                                         rowCount: visible.count, viewportRows: viewport)
    }
}
