import Testing
import TermUI
@testable import TermUINCurses

@Suite("Curses colour numbers")
struct CursesColorTests {
    @Test("256-colour and 8-colour terminals get palette indexes")
    func palette() {
        #expect(CursesColor.number(.default, direct: false, terminalColors: 256) == -1)
        #expect(CursesColor.number(.ansi(12), direct: false, terminalColors: 256) == 12)
        #expect(CursesColor.number(.ansi(12), direct: false, terminalColors: 8) == 4)
        #expect(CursesColor.number(.indexed(208), direct: false, terminalColors: 256) == 208)
        #expect(CursesColor.number(.indexed(208), direct: false, terminalColors: 16) == -1)
        #expect(CursesColor.number(.rgb(0xFF, 0x87, 0x00), direct: false, terminalColors: 256) == 208)
    }

    @Test("direct-colour terminals get packed RGB, 0-7 kept for the ANSI colours")
    func direct() {
        let n = 16_777_216
        #expect(CursesColor.number(.rgb(0x12, 0x34, 0x56), direct: true, terminalColors: n) == 0x123456)
        #expect(CursesColor.number(.rgb(0, 0, 5), direct: true, terminalColors: n) == 8)
        #expect(CursesColor.number(.ansi(1), direct: true, terminalColors: n) == 1)
        #expect(CursesColor.number(.ansi(9), direct: true, terminalColors: n) == 0xFF0000)
        #expect(CursesColor.number(.indexed(231), direct: true, terminalColors: n) == 0xFFFFFF)
        #expect(CursesColor.number(.default, direct: true, terminalColors: n) == -1)
    }
}
