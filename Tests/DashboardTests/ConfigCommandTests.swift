import Dashboard
import Foundation
import MiningCore
import Testing

/// Runs the built `khalatop` with `XDG_CONFIG_HOME` pointing at a temporary
/// directory: `--print-config` prints the file with the flags on top as TOML
/// that parses back; a broken file exits 2 naming file, line and key before
/// the screen is taken; a missing default file is fine, a missing
/// `--config` file is not. `swift build --build-tests` builds the binary.
@Suite(.serialized) struct ConfigCommandTests {
    static var binary: String? {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("khalatop").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static var enabled: Bool { binary != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    /// A temporary XDG config and state home; `config` (if any) is written to khalatop/config.toml.
    struct Home {
        let root: URL
        var configDir: URL { root.appendingPathComponent("config/khalatop") }
        var configFile: String { configDir.appendingPathComponent("config.toml").path }

        init(config: String?) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("khalatop-config-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("config/khalatop"),
                                                    withIntermediateDirectories: true)
            if let config { try Data(config.utf8).write(to: root.appendingPathComponent("config/khalatop/config.toml")) }
        }

        var environment: [String: String] {
            ["XDG_CONFIG_HOME": root.appendingPathComponent("config").path,
             "XDG_STATE_HOME": root.appendingPathComponent("state").path, "NO_COLOR": "1"]
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// Runs khalatop with stdin closed; killed after `timeoutSeconds` (a
    /// regression that reached the terminal must not hang the suite).
    static func run(_ arguments: [String], home: Home, timeoutSeconds: Double = 30) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(binary, "khalatop binary not built"))
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "XDG_CONFIG_HOME")
        process.environment = env.merging(home.environment) { $1 }
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        let deadline = DispatchTime.now() + timeoutSeconds
        DispatchQueue.global().asyncAfter(deadline: deadline) { if process.isRunning { process.terminate() } }
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                   stderr: String(decoding: err, as: UTF8.self))
    }

    static let key1 = String(repeating: "ab", count: 32)
    static let key2 = String(repeating: "cd", count: 32)
    static let config = """
        # an operator's file
        theme = "light"
        refresh_ms = 2_500
        endpoints = ["wss://khala.example/ws"]

        [[pool]]
        pid = 3
        name = "main"

        [[worker]]
        name = "rig-01"
        key = "0x\(key1)"
        pool = 3

        [[worker]]
        name = "rig-02"
        key = "\(key2)"
        """

    /// The TOML after the leading comments, parsed back.
    static func parsed(_ stdout: String) throws -> DashboardConfig {
        try DashboardConfig.parse(stdout)
    }

    @Test(.enabled(if: enabled, "needs the built khalatop binary"))
    func printsTheFileFromXDGConfigHome() throws {
        let home = try Home(config: Self.config)
        defer { home.remove() }
        let r = try Self.run(["--print-config"], home: home)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(home.configFile))
        let c = try Self.parsed(r.stdout)
        #expect(c == (try DashboardConfig.parse(Self.config)))
        #expect(c.theme == "light" && c.refreshMs == 2_500 && c.endpoints == ["wss://khala.example/ws"])
        #expect(c.workers.map(\.name) == ["rig-01", "rig-02"] && c.pools == [.init(pid: 3, name: "main")])
        // `status` reads the same file the same way.
        let s = try Self.run(["status", "--print-config"], home: home)
        #expect(s.status == 0, "\(s.stderr)")
        #expect(try Self.parsed(s.stdout) == c)
    }

    @Test(.enabled(if: enabled, "needs the built khalatop binary"))
    func flagsOverrideTheFile() throws {
        let home = try Home(config: Self.config)
        defer { home.remove() }
        let r = try Self.run(["--print-config", "--rpc", "ws://127.0.0.1:9944", "--pool", "7", "--worker", "0x" + Self.key2,
                              "--theme", "mono", "--refresh-ms", "500"], home: home)
        #expect(r.status == 0, "\(r.stderr)")
        let c = try Self.parsed(r.stdout)
        #expect(c.endpoints == ["ws://127.0.0.1:9944"] && c.theme == "mono" && c.refreshMs == 500)
        #expect(c.pools == [.init(pid: 7)])
        #expect(c.workers == [.init(name: "rig-02", key: try WorkerKey(hex: Self.key2))])
        // Only --theme: the watch set stays the file's.
        let t = try Self.parsed(try Self.run(["--print-config", "--theme", "mono"], home: home).stdout)
        #expect(t.theme == "mono" && t.workers.count == 2 && t.endpoints == ["wss://khala.example/ws"])
    }

    @Test(.enabled(if: enabled, "needs the built khalatop binary"))
    func missingDefaultFileIsFine() throws {
        let home = try Home(config: nil)
        defer { home.remove() }
        let r = try Self.run(["--print-config"], home: home)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("embedded devnet"))
        #expect(try Self.parsed(r.stdout) == DashboardConfig())
    }

    @Test(.enabled(if: enabled, "needs the built khalatop binary"))
    func brokenFileExits2NamingFileLineAndKey() throws {
        let home = try Home(config: "theme = \"mono\"\n\nrefresh_ms = \"fast\"\n")
        defer { home.remove() }
        // Without --print-config: the error comes before the devnet or the screen starts.
        for args in [[], ["--print-config"], ["status"], ["status", "--pool", "1"]] {
            let r = try Self.run(args, home: home)
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(r.stderr.contains("\(home.configFile):3: key 'refresh_ms': invalid value"), "\(args): \(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(!r.stderr.contains("Fatal error"))
        }
        let worker = try Home(config: "[[worker]]\nname = \"x\"\nkey = \"0x12\"\n")
        defer { worker.remove() }
        let w = try Self.run([], home: worker)
        #expect(w.status == 2 && w.stderr.contains("config.toml:3: key 'key'"), "\(w.stderr)")
    }

    @Test(.enabled(if: enabled, "needs the built khalatop binary"))
    func explicitConfigMustExist() throws {
        let home = try Home(config: nil)
        defer { home.remove() }
        let missing = home.root.appendingPathComponent("nope.toml").path
        let r = try Self.run(["--config", missing, "--print-config"], home: home)
        #expect(r.status == 2 && r.stderr.contains(missing) && r.stderr.contains("no such file"), "\(r.stderr)")
        // A directory is not a config file.
        let d = try Self.run(["--config", home.root.path], home: home)
        #expect(d.status == 2 && d.stderr.contains("cannot read"), "\(d.stderr)")
        // --config /dev/null: no settings at all (the devnet), even with a user file present.
        let user = try Home(config: Self.config)
        defer { user.remove() }
        let n = try Self.run(["--config", "/dev/null", "--print-config"], home: user)
        #expect(n.status == 0, "\(n.stderr)")
        #expect(try Self.parsed(n.stdout) == DashboardConfig())
    }

    @Test(.enabled(if: enabled, "needs the built khalatop binary"))
    func unusableCombinationsAreUsageErrors() throws {
        let home = try Home(config: "endpoints = [\"ws://127.0.0.1:1\"]\n")
        defer { home.remove() }
        let r = try Self.run([], home: home)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("nothing to watch") && r.stderr.contains(home.configFile), "\(r.stderr)")
        let empty = try Home(config: nil)
        defer { empty.remove() }
        let p = try Self.run(["--pool", "3"], home: empty)
        #expect(p.status == 64 && p.stderr.contains("no endpoint"), "\(p.stderr)")
    }
}
