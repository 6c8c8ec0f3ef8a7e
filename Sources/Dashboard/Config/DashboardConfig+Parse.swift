import MiningCore

extension DashboardConfig {
    /// Parses config text; unknown keys, wrong types and bad worker keys are
    /// errors naming the line and key (a typo must not silently drop a worker).
    public static func parse(_ text: String) throws(ConfigError) -> DashboardConfig {
        var config = DashboardConfig()
        var seen: Set<WorkerKey> = []
        for table in try ConfigFileParser.parse(text) {
            switch table.name {
            case "": try config.readTopLevel(table)
            case "worker":
                let worker = try readWorker(table)
                guard seen.insert(worker.key).inserted else {
                    let line = table.entries.first { $0.key == "key" }?.line ?? table.line
                    throw ConfigError(line: line, key: "key", problem: .invalidValue("worker \(worker.key.hex.prefix(12))… listed twice"))
                }
                config.workers.append(worker)
            default: config.pools.append(try readPool(table))
            }
        }
        return config
    }

    private mutating func readTopLevel(_ table: ConfigTable) throws(ConfigError) {
        for e in table.entries {
            switch e.key {
            case "theme":
                theme = try e.string()
                guard DashboardConfig.isValidThemeName(theme) else { throw e.invalid("a theme name of 1-64 characters") }
            case "refresh_ms":
                let n = try e.integer()
                guard DashboardConfig.refreshMsRange.contains(n) else { throw e.invalid("milliseconds between 100 and 3600000") }
                refreshMs = n
            case "endpoints":
                guard case .array(let items) = e.value else { throw e.invalid("an array of ws:// or wss:// URLs") }
                var out: [String] = []
                for item in items {
                    guard case .string(let url) = item, DashboardConfig.isValidEndpoint(url) else {
                        throw e.invalid("an array of ws:// or wss:// URLs")
                    }
                    out.append(url)
                }
                endpoints = out
            default:
                throw ConfigError(line: e.line, key: e.key, problem: .unknownKey)
            }
        }
    }

    private static func readWorker(_ table: ConfigTable) throws(ConfigError) -> Worker {
        var name = ""
        var key: WorkerKey?
        var pid: UInt64?
        var pruntime: String?
        for e in table.entries {
            switch e.key {
            case "name":
                name = try e.string()
                guard name.count <= 64 else { throw e.invalid("a name of at most 64 characters") }
            case "key":
                do { key = try WorkerKey(hex: try e.string()) } catch let error as ConfigError { throw error } catch {
                    throw e.invalid("a worker public key: 64 hex digits, 0x optional")
                }
            case "pool": pid = try e.pid()
            case "pruntime":
                let url = try e.string()
                guard url.hasPrefix("http://") || url.hasPrefix("https://"), url.count <= 256 else {
                    throw e.invalid("the worker's pRuntime endpoint, an http:// or https:// URL")
                }
                pruntime = url
            default: throw ConfigError(line: e.line, key: e.key, problem: .unknownKey)
            }
        }
        guard let key else { throw ConfigError(line: table.line, problem: .missingKey("key")) }
        return Worker(name: name, key: key, pid: pid, pruntime: pruntime)
    }

    private static func readPool(_ table: ConfigTable) throws(ConfigError) -> Pool {
        var pid: UInt64?
        var name: String?
        for e in table.entries {
            switch e.key {
            case "pid": pid = try e.pid()
            case "name": name = try e.string()
            default: throw ConfigError(line: e.line, key: e.key, problem: .unknownKey)
            }
        }
        guard let pid else { throw ConfigError(line: table.line, problem: .missingKey("pid")) }
        return Pool(pid: pid, name: name)
    }

    /// The config as TOML text that `parse` reads back (for `--print-config`
    /// and the `saveConfig` effect).
    public var tomlText: String {
        func quoted(_ s: String) -> String {
            "\"" + s.replacingAll("\\", "\\\\").replacingAll("\"", "\\\"").replacingAll("\n", "\\n").replacingAll("\t", "\\t") + "\""
        }
        var out = "theme = \(quoted(theme))\nrefresh_ms = \(refreshMs)\n"
        out += "endpoints = [" + endpoints.map(quoted).joined(separator: ", ") + "]\n"
        for p in pools {
            out += "\n[[pool]]\npid = \(p.pid)\n"
            if let name = p.name { out += "name = \(quoted(name))\n" }
        }
        for w in workers {
            out += "\n[[worker]]\nname = \(quoted(w.name))\nkey = \(quoted(w.key.hex))\n"
            if let pid = w.pid { out += "pool = \(pid)\n" }
            if let url = w.pruntime { out += "pruntime = \(quoted(url))\n" }
        }
        return out
    }
}

extension ConfigEntry {
    var stringValue: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    func invalid(_ expected: String) -> ConfigError {
        ConfigError(line: line, key: key, problem: .invalidValue("expected \(expected), got \(value.typeName)"))
    }

    func string() throws(ConfigError) -> String {
        guard case .string(let s) = value else { throw invalid("a string") }
        return s
    }

    func integer() throws(ConfigError) -> Int {
        guard case .integer(let n) = value else { throw invalid("an integer") }
        return n
    }

    func pid() throws(ConfigError) -> UInt64 {
        let n = try integer()
        guard n >= 0 else { throw invalid("a pool id (0 or more)") }
        return UInt64(n)
    }
}

extension String {
    func replacingAll(_ target: Character, _ replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
