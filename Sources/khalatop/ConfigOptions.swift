import ArgumentParser
import Dashboard
import Foundation
import TermUINCurses

/// `--config PATH` and `--print-config`, shared by `khalatop` (the
/// dashboard) and `khalatop status`: both read the same file the same way.
struct ConfigOptions: ParsableArguments {
    @Option(name: .customLong("config"),
            help: ArgumentHelp("Config file (default $XDG_CONFIG_HOME/khalatop/config.toml; /dev/null for none).",
                               valueName: "path"))
    var path: String?

    @Flag(name: .customLong("print-config"),
          help: "Print the effective config (the file with the flags on top) as TOML and exit.")
    var printConfig = false

    /// Reads and parses the config file. A missing default file is an empty
    /// config; a missing `--config` file, an unreadable or a broken one is
    /// a `ConfigLoadError` naming the file (and line and key).
    func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigLoadError)
        -> (config: DashboardConfig, location: ConfigFileLocation, found: Bool)
    {
        let location = ConfigFileLocation(explicitPath: path, environment: environment)
        let text: String?
        do {
            text = try PosixFiles.readText(location.path)
        } catch let error as PosixFiles.ReadError {
            throw ConfigLoadError(message: "\(location.path): cannot read: \(String(cString: strerror(error.errno)))")
        } catch {
            throw ConfigLoadError(message: "\(location.path): cannot read: \(error)")
        }
        guard let text else {
            if location.isExplicit { throw ConfigLoadError(message: "\(location.path): no such file (from --config)") }
            return (DashboardConfig(), location, false)
        }
        do {
            return (try DashboardConfig.parse(text), location, true)
        } catch {
            throw ConfigLoadError(message: error.located(in: location.path))
        }
    }

    /// The text `--print-config` prints: a comment saying where it came
    /// from, then TOML that `DashboardConfig.parse` reads back.
    static func printed(_ config: DashboardConfig, location: ConfigFileLocation, found: Bool,
                        operatorAddress: String?) -> String {
        var out = "# khalatop effective configuration: \(found ? location.path : "no config file (\(location.path) absent)")"
        out += ", command-line flags on top\n"
        if let operatorAddress { out += "# --operator \(operatorAddress) (a flag only; the file has no operator key)\n" }
        if config.endpoints.isEmpty { out += "# no endpoints: khalatop runs the embedded devnet (simulated data)\n" }
        return out + config.tomlText
    }
}

/// A config file that cannot be used; `message` names the file (and line
/// and key). The commands print it and exit 2 before the screen is taken.
struct ConfigLoadError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }

    /// Prints `khalatop: <message>` to stderr and returns exit code 2.
    func exit(command: String) -> ExitCode {
        FileHandle.standardError.write(Data("\(command): \(message)\n".utf8))
        return ExitCode(2)
    }
}
