import MiningCore
import TermUI

extension AppState {
    /// Brings rows up to date with the fleet, then the visible list. Only
    /// what changed is re-derived (`FleetStatusCache`): rows of changed
    /// workers are rebuilt, the others get their refreshed status.
    mutating func rederive() {
        let update = statusCache.update(to: fleet)
        let statuses = statusCache.statuses
        if update.rebuilt || rows.count != statuses.count {
            let names = config.workerNames
            rows = statuses.map {
                WorkerRow(status: $0, name: names[$0.key] ?? "", heartbeatBlocks: fleet.workers[$0.key]?.heartbeat.heartbeatBlocks ?? [])
            }
        } else {
            for i in update.rederived {
                let s = statuses[i]
                rows[i] = WorkerRow(status: s, name: rows[i].name, heartbeatBlocks: fleet.workers[s.key]?.heartbeat.heartbeatBlocks ?? [])
            }
            if update.refreshedAll {
                for i in rows.indices { rows[i].status = statuses[i] }
            }
        }
        selectedPool = nil
        if update.isEmpty { refreshSelectedPool() } else { refilter() }
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
        selectedPool = statusCache.poolStatus(pid: pid)
    }

    mutating func keepSelectionInView() {
        let viewport = ScreenLayout(size: size, state: self).fleetViewportRows
        tableOffset = Table.scrollOffset(selected: selectedIndex, offset: tableOffset,
                                         rowCount: visible.count, viewportRows: viewport)
    }
}
