import MiningCore
import TermUI

extension AppState {
    /// Recomputes rows from the fleet, then the visible list.
    mutating func rederive() {
        let names = config.workerNames
        rows = fleet.statuses().map {
            WorkerRow(status: $0, name: names[$0.key] ?? "", heartbeatBlocks: fleet.workers[$0.key]?.heartbeat.heartbeatBlocks ?? [])
        }
        selectedPool = nil
        refilter()
    }

    /// Recomputes `visible` from rows, filter, problems-only and sort, keeping
    /// the selected worker selected when it is still shown.
    mutating func refilter() {
        let query = filter
        let problems = problemsOnly
        var out: [Int] = []
        out.reserveCapacity(rows.count)
        for (i, row) in rows.enumerated() where (!problems || row.status.risk.level >= .watch) && query.matches(row) {
            out.append(i)
        }
        let key = sort
        let descending = sortDescending
        let rows = self.rows
        out.sort { a, b in
            let x = rows[a], y = rows[b]
            if let less = key.ascending(x, y) { return descending ? !less : less }
            if x.label != y.label { return x.label < y.label }
            return x.key < y.key
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
        if selectedPool?.pid != pid { selectedPool = fleet.poolStatus(pid: pid) }
    }

    mutating func keepSelectionInView() {
        let viewport = ScreenLayout(size: size, state: self).fleetViewportRows
        tableOffset = Table.scrollOffset(selected: selectedIndex, offset: tableOffset,
                                         rowCount: visible.count, viewportRows: viewport)
    }
}
