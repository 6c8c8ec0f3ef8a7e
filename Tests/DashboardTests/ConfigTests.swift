import Dashboard
import MiningCore
import Testing

@Suite struct ConfigTests {
    let key1 = "0x" + String(repeating: "ab", count: 32)
    let key2 = String(repeating: "0c", count: 32)

    @Test func parsesAFullConfig() throws {
        let text = """
            # khalatop config
            theme = "light"
            refresh_ms = 2_000
            endpoints = ["wss://khala-api.phala.network/ws", 'ws://127.0.0.1:9944']  # two

            [[pool]]
            pid = 3
            name = "main"

            [[worker]]
            name = "rig-01"
            key = "\(key1)"
            pool = 3
            pruntime = "http://10.0.0.5:8000"

            [[worker]]
            key = '\(key2)'
            """
        let c = try DashboardConfig.parse(text)
        #expect(c.theme == "light" && c.refreshMs == 2_000)
        #expect(c.endpoints == ["wss://khala-api.phala.network/ws", "ws://127.0.0.1:9944"])
        #expect(c.pools == [DashboardConfig.Pool(pid: 3, name: "main")])
        #expect(c.workers.count == 2)
        let expectedKey = try WorkerKey(hex: key1)
        #expect(c.workers[0].name == "rig-01" && c.workers[0].pid == 3 && c.workers[0].key == expectedKey)
        #expect(c.workers[0].pruntime == "http://10.0.0.5:8000")
        #expect(c.workers[1].name == "" && c.workers[1].pid == nil && c.workers[1].pruntime == nil)
        #expect(c.pruntimeEndpoints == [expectedKey: "http://10.0.0.5:8000"])
        #expect(c.workerNames.count == 1)
        // Round trip through the text the saveConfig effect writes.
        #expect(try DashboardConfig.parse(c.tomlText) == c)
    }

    @Test func emptyTextIsTheDefault() throws {
        #expect(try DashboardConfig.parse("") == DashboardConfig())
        #expect(try DashboardConfig.parse("\n# nothing\n\r\n") == DashboardConfig())
    }

    @Test func errorsNameLineAndKey() {
        func error(_ text: String) -> ConfigError? {
            do { _ = try DashboardConfig.parse(text); return nil } catch { return error }
        }
        #expect(error("theme = light") == ConfigError(line: 1, key: "theme",
                problem: .invalidValue("\"light\" is not a string, integer, boolean or array (strings need quotes)")))
        #expect(error("\n\nrefresh_ms = \"fast\"")?.line == 3)
        #expect(error("\n\nrefresh_ms = \"fast\"")?.key == "refresh_ms")
        #expect(error("refresh_ms = 5")?.description.contains("between 100") == true)
        #expect(error("colour = 1") == ConfigError(line: 1, key: "colour", problem: .unknownKey))
        #expect(error("theme = \"a\"\ntheme = \"b\"") == ConfigError(line: 2, key: "theme", problem: .duplicateKey))
        #expect(error("[[worker]]\nname = \"x\"\nkey = \"0x12\"")?.line == 3)
        #expect(error("[[worker]]\nname = \"x\"\nkey = \"0x12\"")?.key == "key")
        #expect(error("[[worker]]\nname = \"x\"") == ConfigError(line: 1, problem: .missingKey("key")))
        #expect(error("[[pool]]\npid = -1")?.line == 2)
        #expect(error("[[worker]]\nkey = \"\(key1)\"\npruntime = \"ftp://x\"")?.key == "pruntime")
        #expect(error("[worker]") == ConfigError(line: 1, problem: .unknownSection("worker")))
        #expect(error("[[nodes]]") == ConfigError(line: 1, problem: .unknownSection("nodes")))
        #expect(error("endpoints = [\"http://x\"]")?.key == "endpoints")
        #expect(error("endpoints = [\"ws://x\"")?.description.contains("not closed") == true)
        #expect(error("theme = \"open")?.problem == .unterminatedString)
        #expect(error("= 3")?.line == 1)
        #expect(error("theme = \"a\" junk")?.line == 1)
        let dup = "[[worker]]\nkey = \"\(key1)\"\n[[worker]]\nkey = \"\(key1)\""
        #expect(error(dup)?.line == 4)
    }

    @Test func garbageNeverTraps() {
        var rng = SplitMix(seed: 42)
        let pieces = ["[[worker]]", "[[pool]]", "[", "]", "key", "name", "theme", "pid", "=", "\"", "'", "#", "\n", " ",
                      "0x", "ab", "-1", "[\"ws://a\"", ",", "true", "\\", "日本", "\r\n", "99999999999999999999"]
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int(rng.next() % 20) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            do { _ = try DashboardConfig.parse(text) } catch { #expect(error.line >= 0) }
        }
    }
}
