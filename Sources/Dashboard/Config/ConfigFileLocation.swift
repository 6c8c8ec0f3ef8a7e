/// Where `config.toml` is read from (XDG Base Directory): `--config PATH`
/// if given, else `$XDG_CONFIG_HOME/khalatop/config.toml`, with
/// `$XDG_CONFIG_HOME` defaulting to `$HOME/.config`.
///
/// Why it matters which: a missing default file is normal (khalatop runs on
/// flags and defaults), but a `--config` file that is missing is a mistake
/// the operator must hear about. Pure (the environment is passed in) so the
/// rule is tested; the executable does the reading.
public struct ConfigFileLocation: Hashable, Sendable {
    public var path: String
    /// True for `--config`: the file must exist.
    public var isExplicit: Bool

    public init(explicitPath: String?, environment: [String: String]) {
        if let explicitPath, !explicitPath.isEmpty {
            path = explicitPath
            isExplicit = true
        } else {
            path = Self.configHome(environment: environment) + "/khalatop/config.toml"
            isExplicit = false
        }
    }

    /// `$XDG_CONFIG_HOME`, else `$HOME/.config` (an empty or relative
    /// `XDG_CONFIG_HOME` is ignored, as the spec says).
    public static func configHome(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg }
        return (environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp") + "/.config"
    }
}
