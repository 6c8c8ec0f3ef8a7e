import Dashboard
import MiningCore
import Testing

/// The config file with the flags on top (`ConfigOverrides`), where the
/// file is read from (`ConfigFileLocation`), and what the dashboard then
/// connects to (`dashboardTarget`).
@Suite struct ConfigResolutionTests {
    static func key(_ i: UInt8) -> WorkerKey { WorkerKey(raw: Key32(w0: UInt64(i), w1: 0, w2: 0, w3: 0xfeed)) }

    static let file = DashboardConfig(
        endpoints: ["wss://a.example/ws", "wss://b.example/ws"],
        pools: [.init(pid: 3, name: "main"), .init(pid: 7)],
        workers: [.init(name: "rig-01", key: key(1), pid: 3, pruntime: "http://10.0.0.5:8000"),
                  .init(name: "rig-02", key: key(2), pid: 7), .init(name: "", key: key(3))],
        theme: "light", refreshMs: 2_000)

    @Test func noFlagsKeepTheFile() {
        #expect(Self.file.overridden(by: ConfigOverrides()) == Self.file)
    }

    @Test func rpcReplacesEndpointsOnly() {
        let c = Self.file.overridden(by: ConfigOverrides(endpoints: ["ws://127.0.0.1:9944", "ws://127.0.0.1:9944"]))
        #expect(c.endpoints == ["ws://127.0.0.1:9944"])
        #expect(c.pools == Self.file.pools && c.workers == Self.file.workers)
        #expect(c.theme == "light" && c.refreshMs == 2_000)
    }

    @Test func watchFlagsReplaceTheWatchSetKeepingNames() {
        let c = Self.file.overridden(by: ConfigOverrides(pools: [7, 9, 7], workers: [Self.key(2), Self.key(4)]))
        #expect(c.endpoints == Self.file.endpoints)
        #expect(c.pools == [.init(pid: 7), .init(pid: 9)])
        // rig-02 keeps its name and pool; the unknown key is watched unnamed.
        #expect(c.workers == [.init(name: "rig-02", key: Self.key(2), pid: 7), .init(name: "", key: Self.key(4))])
        // rig-01 is no longer watched but still labels its row if a pool brings it in.
        #expect(c.workerNames == [Self.key(1): "rig-01", Self.key(2): "rig-02"])
        // The printed config lists only what is watched, and parses back to it.
        let printed = c.tomlText
        #expect(!printed.contains("rig-01"))
        var reparsed = try? DashboardConfig.parse(printed)
        reparsed?.otherNames = c.otherNames
        #expect(reparsed == c)
    }

    @Test func operatorAloneReplacesTheWatchSet() {
        let c = Self.file.overridden(by: ConfigOverrides(operatorGiven: true))
        #expect(c.pools.isEmpty && c.workers.isEmpty)
        #expect(c.workerNames.count == 2)
        #expect((try? c.dashboardTarget(operatorGiven: true)) == .node(endpoints: Self.file.endpoints))
    }

    @Test func themeAndRefreshFlagsWin() {
        let c = Self.file.overridden(by: ConfigOverrides(theme: "mono", refreshMs: 500))
        #expect(c.theme == "mono" && c.refreshMs == 500)
        let d = DashboardConfig().overridden(by: ConfigOverrides(theme: "high-contrast"))
        #expect(d.theme == "high-contrast" && d.refreshMs == DashboardConfig.defaultRefreshMs)
    }

    @Test func targets() throws {
        #expect(try DashboardConfig().dashboardTarget(operatorGiven: false) == .embeddedDevnet)
        // A theme-only file still runs the devnet.
        #expect(try DashboardConfig(theme: "mono").dashboardTarget(operatorGiven: false) == .embeddedDevnet)
        #expect(try Self.file.dashboardTarget(operatorGiven: false) == .node(endpoints: Self.file.endpoints))
        #expect(throws: ConfigResolutionError.nothingToWatch(endpoint: "ws://x")) {
            try DashboardConfig(endpoints: ["ws://x"]).dashboardTarget(operatorGiven: false)
        }
        #expect(throws: ConfigResolutionError.watchSetWithoutEndpoint) {
            try DashboardConfig(pools: [.init(pid: 1)]).dashboardTarget(operatorGiven: false)
        }
        #expect(throws: ConfigResolutionError.watchSetWithoutEndpoint) {
            try DashboardConfig().dashboardTarget(operatorGiven: true)
        }
        #expect(ConfigResolutionError.nothingToWatch(endpoint: "ws://x").description.contains("--pool"))
    }

    @Test func fileLocation() {
        let xdg = ConfigFileLocation(explicitPath: nil, environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/op"])
        #expect(xdg.path == "/cfg/khalatop/config.toml" && !xdg.isExplicit)
        let home = ConfigFileLocation(explicitPath: nil, environment: ["HOME": "/home/op"])
        #expect(home.path == "/home/op/.config/khalatop/config.toml")
        // The XDG spec: an empty or relative XDG_CONFIG_HOME is ignored.
        #expect(ConfigFileLocation(explicitPath: nil, environment: ["XDG_CONFIG_HOME": "", "HOME": "/h"]).path
            == "/h/.config/khalatop/config.toml")
        #expect(ConfigFileLocation(explicitPath: nil, environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/h"]).path
            == "/h/.config/khalatop/config.toml")
        let explicit = ConfigFileLocation(explicitPath: "./my.toml", environment: ["XDG_CONFIG_HOME": "/cfg"])
        #expect(explicit.path == "./my.toml" && explicit.isExplicit)
        #expect(!ConfigFileLocation(explicitPath: "", environment: ["HOME": "/h"]).isExplicit)
    }

    @Test func errorsLocatedInTheFile() {
        let e = ConfigError(line: 7, key: "refresh_ms", problem: .invalidValue("expected an integer, got a string"))
        #expect(e.located(in: "/c/config.toml") == "/c/config.toml:7: key 'refresh_ms': invalid value: expected an integer, got a string")
        #expect(ConfigError(line: 0, problem: .tooLarge(bytes: 2, limit: 1)).located(in: "f")
            == "f: file is 2 bytes, more than 1")
        #expect(ConfigError(line: 3, problem: .missingKey("pid")).located(in: "f") == "f:3: missing key 'pid'")
    }

    @Test func flagValueRules() {
        #expect(DashboardConfig.refreshMsRange.contains(100) && !DashboardConfig.refreshMsRange.contains(99))
        #expect(DashboardConfig.isValidThemeName("mono") && !DashboardConfig.isValidThemeName(""))
        #expect(!DashboardConfig.isValidThemeName(String(repeating: "x", count: 65)))
        #expect(DashboardConfig.isValidEndpoint("wss://x") && !DashboardConfig.isValidEndpoint("https://x"))
    }
}
