import Foundation
import Testing
import TermUI

@Suite("Themes")
struct ThemeTests {
    static let repoThemes = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")

    /// An in-memory file system for the loader.
    static func reader(_ files: [String: String]) -> ThemeLoader.FileReader {
        { path in files[path] }
    }

    @Test("the built-in themes are exactly the files in themes/")
    func builtinsMatchFiles() throws {
        for name in Theme.builtinNames {
            let file = try String(contentsOf: Self.repoThemes.appendingPathComponent(name + ".toml"), encoding: .utf8)
            let parsed = try Theme.parse(file, file: name + ".toml", base: nil)
            #expect(parsed == Theme.builtin(name), "themes/\(name).toml differs from the compiled-in copy; run scripts/embed-themes.py")
            #expect(parsed.name == name)
        }
    }

    @Test("every built-in theme styles every built-in role explicitly")
    func builtinsComplete() throws {
        for name in Theme.builtinNames {
            let theme = try #require(Theme.builtin(name))
            let missing = StyleRole.builtinRoles.filter { theme.styles[$0] == nil }
            #expect(missing.isEmpty, "\(name) lacks \(missing)")
        }
        let mono = try #require(Theme.builtin("mono"))
        #expect(mono.styles.values.allSatisfy { $0.foreground == .default && $0.background == .default })
        #expect(mono.style(for: .tableSelected).attributes.contains(.reverse))
    }

    @Test("a valid file: colours in every form, attributes, comments, fallback by parent role")
    func valid() throws {
        let text = """
            # comment
            [meta]
            name = "mine"   # trailing comment
            description = 'literal # not a comment'

            [state]
            fg = "green"

            [state.unresponsive]
            fg = "#ff0000"
            bg = 17
            attrs = "bold, underline"

            [table.header]
            fg = "#abc"
            bg = "bright-blue"
            attrs = "none"
            """
        let theme = try Theme.parse(text, file: "mine.toml", base: nil)
        #expect(theme.name == "mine")
        #expect(theme.summary == "literal # not a comment")
        #expect(theme.style(for: .stateUnresponsive) == Style(foreground: .rgb(255, 0, 0), background: .indexed(17), attributes: [.bold, .underline]))
        #expect(theme.style(for: .tableHeader) == Style(foreground: .rgb(0xAA, 0xBB, 0xCC), background: .ansi(12)))
        #expect(theme.style(for: .stateComputing).foreground == .ansi(2))   // falls back to [state]
        #expect(theme.style(for: StyleRole("no.such.role")) == .plain)
        // The theme's own text round-trips.
        #expect(try Theme.parse(theme.fileText, file: "x", base: nil) == theme)
    }

    @Test("broken files name the file, the line and the key", arguments: [
        ("[a]\nfg = \"#12345g\"\n", 2, "fg", "colour"),
        ("[a]\n\nattrs = \"bold blink\"\n", 3, "attrs", "attribute"),
        ("[a]\ncolour = \"red\"\n", 2, "colour", "unknown key"),
        ("[a]\nfg = \"red\nbg = \"blue\"\n", 2, "fg", "not closed"),
        ("[a]\nfg = \"red\"\nfg = \"blue\"\n", 3, "fg", "twice"),
        ("[a\nfg = \"red\"\n", 1, nil, "section header"),
        ("[a]\nfg \"red\"\n", 2, nil, "key = value"),
        ("[a]\nfg = 300\n", 2, "fg", "colour"),
        ("[a]\nfg = red\n", 2, "fg", "string"),
        ("[a]\n[b]\n[a]\n", 3, nil, "twice"),
        ("[meta]\nname = 5\n", 2, "name", "string"),
    ] as [(String, Int, String?, String)])
    func broken(text: String, line: Int, key: String?, words: String) {
        do {
            _ = try Theme.parse(text, file: "/home/op/.config/khalatop/themes/bad.toml", base: nil)
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "/home/op/.config/khalatop/themes/bad.toml")
            #expect(error.line == line)
            #expect(error.key == key)
            #expect(error.description.contains("bad.toml:\(line)"))
            #expect(error.description.contains(words), "\(error.description)")
            if let key { #expect(error.description.contains("key '\(key)'")) }
        }
    }

    @Test("loader: user file overrides a built-in role by role; a broken file falls back to default")
    func loader() throws {
        let dir = "/cfg/khalatop/themes"
        let good = ThemeLoader.load(name: "light", directories: [dir],
                                    readFile: Self.reader([dir + "/light.toml": "[risk.losing]\nfg = \"#123456\"\n"]))
        #expect(good.errors.isEmpty)
        #expect(good.files == [dir + "/light.toml"])
        #expect(good.theme.name == "light")
        #expect(good.theme.style(for: .riskLosing).foreground == .rgb(0x12, 0x34, 0x56))
        #expect(good.theme.style(for: .tableHeader) == Theme.builtin("light")?.style(for: .tableHeader))

        let bad = ThemeLoader.load(name: "light", directories: [dir],
                                   readFile: Self.reader([dir + "/light.toml": "[risk.losing]\nfg = \"#12\"\n"]))
        #expect(bad.theme == Theme.default)
        #expect(bad.errors.count == 1)
        #expect(bad.errors.first?.description.hasPrefix(dir + "/light.toml:2: key 'fg'") == true)

        // A new name builds on the default theme.
        let custom = ThemeLoader.load(name: "ocean", directories: ["/a", "/b"],
                                      readFile: Self.reader(["/a/ocean.toml": "[text]\nfg = \"blue\"\n",
                                                             "/b/ocean.toml": "[border]\nfg = \"cyan\"\n"]))
        #expect(custom.errors.isEmpty)
        #expect(custom.theme.name == "ocean")
        #expect(custom.theme.style(for: .text).foreground == .ansi(4))
        #expect(custom.theme.style(for: .border).foreground == .ansi(6))
        #expect(custom.theme.style(for: .riskLosing) == Theme.default.style(for: .riskLosing))

        // Unknown names and unreadable files are errors with a fallback.
        let missing = ThemeLoader.load(name: "nope", directories: [dir], readFile: Self.reader([:]))
        #expect(missing.theme == Theme.default)
        #expect(missing.errors.first?.problem == .notFound("nope"))
        struct Denied: Error {}
        let unreadable = ThemeLoader.load(name: "mono", directories: [dir], readFile: { _ in throw Denied() })
        #expect(unreadable.theme == Theme.default)
        #expect(unreadable.errors.first?.file == dir + "/mono.toml")

        // Built-ins work with no directories at all.
        #expect(ThemeLoader.load(name: "high-contrast", directories: [], readFile: Self.reader([:])).theme == Theme.builtin("high-contrast"))
        #expect(ThemeLoader.availableNames(directories: [dir], listDirectory: { _ in ["ocean.toml", "light.toml", "notes.txt"] })
                == ["default", "light", "mono", "high-contrast", "ocean"])
    }

    @Test("oversized theme files are refused before parsing")
    func oversized() {
        let big = String(repeating: "# padding\n", count: 30_000)
        #expect(throws: ThemeError.self) { try Theme.parse(big, file: "big.toml", base: nil) }
    }
}
