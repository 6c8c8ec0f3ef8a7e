/// Finds a theme by name: the built-in of that name, then `NAME.toml` in each
/// directory given (later directories override earlier ones, role by role).
///
/// Why the directories and the file reader are arguments: TermUI does no I/O
/// and reads no environment (ARCHITECTURE.md); the executable passes
/// `$XDG_CONFIG_HOME/khalatop/themes` and a real reader, tests pass memory.
public enum ThemeLoader {
    /// The outcome of loading: the theme to use and what went wrong on the way.
    public struct Result: Sendable {
        /// The theme to draw with (the built-in default when loading failed).
        public var theme: Theme
        /// Problems found; non-empty means the caller should tell the user.
        public var errors: [ThemeError]
        /// Files that contributed, in order.
        public var files: [String]
    }

    /// Reads a file: the text, nil when there is no such file, or throws when it
    /// exists but cannot be read.
    public typealias FileReader = (_ path: String) throws -> String?

    /// Loads `name`, falling back to the built-in default theme on any error.
    public static func load(name: String, directories: [String], readFile: FileReader) -> Result {
        do {
            let (theme, files) = try loadStrict(name: name, directories: directories, readFile: readFile)
            return Result(theme: theme, errors: [], files: files)
        } catch {
            return Result(theme: .default, errors: [error], files: [])
        }
    }

    /// Loads `name` or throws the first problem.
    public static func loadStrict(name: String, directories: [String],
                                  readFile: FileReader) throws(ThemeError) -> (Theme, [String]) {
        var theme = Theme.builtin(name)
        var files: [String] = []
        for directory in directories {
            let path = directory.hasSuffix("/") ? directory + name + ".toml" : directory + "/" + name + ".toml"
            let text: String?
            do {
                text = try readFile(path)
            } catch {
                throw ThemeError(file: path, line: 0, problem: .unreadable("\(error)"))
            }
            guard let text else { continue }
            // A user theme with a new name builds on the default theme.
            var parsed = try Theme.parse(text, file: path, base: theme ?? .default)
            if theme == nil { parsed.name = name }
            theme = parsed
            files.append(path)
        }
        guard let theme else {
            throw ThemeError(file: "themes/\(name).toml", line: 0, problem: .notFound(name))
        }
        return (theme, files)
    }

    /// Built-in names followed by the names of `*.toml` files in `directories`
    /// (given as file names by `listDirectory`), without duplicates: the order
    /// the `t` key cycles through.
    public static func availableNames(directories: [String], listDirectory: (String) -> [String]) -> [String] {
        var names = Theme.builtinNames
        for directory in directories {
            for file in listDirectory(directory).sorted() where file.hasSuffix(".toml") {
                let name = String(file.dropLast(5))
                if !name.isEmpty, !names.contains(name) { names.append(name) }
            }
        }
        return names
    }
}
