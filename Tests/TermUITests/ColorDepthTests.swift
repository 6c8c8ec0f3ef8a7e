import Testing
import TermUI

@Suite("Colour depth")
struct ColorDepthTests {
    @Test("truecolor → 256 → 16 → 8 → none, nearest colour at each step")
    func chain() {
        let orange = Color.rgb(0xFF, 0x87, 0x00)
        #expect(orange.degraded(to: .trueColor) == orange)
        #expect(orange.degraded(to: .palette256) == .indexed(208))   // xterm 208 is #ff8700 exactly
        #expect(Color.rgb(0x5F, 0xD7, 0x5F).degraded(to: .palette256) == .indexed(77))
        #expect(Color.rgb(0x80, 0x80, 0x80).degraded(to: .palette256) == .indexed(244))
        #expect(Color.rgb(250, 10, 10).degraded(to: .sixteen) == .ansi(9))   // bright red
        #expect(Color.rgb(190, 0, 0).degraded(to: .sixteen) == .ansi(1))     // red
        #expect(Color.rgb(250, 10, 10).degraded(to: .eight) == .ansi(1))
        #expect(Color.rgb(10, 10, 10).degraded(to: .eight) == .ansi(0))
        #expect(Color.rgb(240, 240, 240).degraded(to: .eight) == .ansi(7))
        #expect(Color.indexed(196).degraded(to: .sixteen) == .ansi(9))
        #expect(Color.indexed(4).degraded(to: .sixteen) == .ansi(4))
        #expect(Color.ansi(12).degraded(to: .eight) == .ansi(4))
        #expect(Color.ansi(12).degraded(to: .palette256) == .ansi(12))
        for depth in ColorDepth.allCases { #expect(Color.default.degraded(to: depth) == .default) }
        #expect(orange.degraded(to: .none) == .default)
    }

    @Test("NO_COLOR keeps attributes; colliding colours drop the background")
    func styles() {
        let s = Style(foreground: .rgb(255, 0, 0), background: .rgb(0, 0, 255), attributes: [.bold, .underline])
        #expect(s.degraded(to: .none) == Style(attributes: [.bold, .underline]))
        let close = Style(foreground: .rgb(0x30, 0x30, 0x30), background: .rgb(0x26, 0x26, 0x26))
        #expect(close.degraded(to: .eight) == Style(foreground: .ansi(0)))
        // Every built-in theme keeps readable text at every depth.
        for name in Theme.builtinNames {
            let theme = Theme.builtin(name)!
            for depth in ColorDepth.allCases {
                for role in StyleRole.builtinRoles {
                    let style = theme.degraded(to: depth).style(for: role)
                    #expect(style.foreground == .default || style.foreground != style.background, "\(name) \(role) at \(depth)")
                }
            }
        }
    }

    @Test("detection from terminal colours and the environment")
    func detect() {
        #expect(ColorDepth.detect(terminalColors: 256, environment: [:]) == .palette256)
        #expect(ColorDepth.detect(terminalColors: 256, environment: ["COLORTERM": "truecolor"]) == .trueColor)
        #expect(ColorDepth.detect(terminalColors: 8, environment: ["COLORTERM": "truecolor"]) == .eight)
        #expect(ColorDepth.detect(terminalColors: 16_777_216, environment: [:]) == .trueColor)
        #expect(ColorDepth.detect(terminalColors: 16, environment: [:]) == .sixteen)
        #expect(ColorDepth.detect(terminalColors: 0, environment: [:]) == .none)
        #expect(ColorDepth.detect(terminalColors: 256, environment: ["NO_COLOR": "1"]) == .none)
        #expect(ColorDepth.detect(terminalColors: 256, environment: ["NO_COLOR": ""]) == .palette256)
        #expect(ColorDepth.detect(terminalColors: 256, environment: [:], noColorFlag: true) == .none)
    }
}
