import Glibc
import Testing
import TermUI
import TermUINCurses

@Suite("Keys, line editing and the mailbox")
struct InputTests {
    @Test("ncurses characters and key codes decode to keys")
    func decode() {
        #expect(KeyDecoder.decode(character: 0x71) == .char("q"))
        #expect(KeyDecoder.decode(character: 0x6587) == .char("文"))
        #expect(KeyDecoder.decode(character: 0x0D) == .enter)
        #expect(KeyDecoder.decode(character: 0x0A) == .enter)
        #expect(KeyDecoder.decode(character: 0x09) == .tab)
        #expect(KeyDecoder.decode(character: 0x1B) == .escape)
        #expect(KeyDecoder.decode(character: 0x7F) == .backspace)
        #expect(KeyDecoder.decode(character: 0x03) == .ctrl("c"))
        #expect(KeyDecoder.decode(character: 0x9B) == nil)   // C1 control
        // curses.h codes: KEY_DOWN 0402, KEY_UP 0403, KEY_NPAGE 0522, KEY_F(1) 0411, KEY_BTAB 0541, KEY_RESIZE 0632.
        #expect(KeyDecoder.decode(keyCode: 0o402) == .down)
        #expect(KeyDecoder.decode(keyCode: 0o403) == .up)
        #expect(KeyDecoder.decode(keyCode: 0o522) == .pageDown)
        #expect(KeyDecoder.decode(keyCode: 0o523) == .pageUp)
        #expect(KeyDecoder.decode(keyCode: 0o411) == .function(1))
        #expect(KeyDecoder.decode(keyCode: 0o411 + 11) == .function(12))
        #expect(KeyDecoder.decode(keyCode: 0o541) == .backTab)
        #expect(KeyDecoder.decode(keyCode: 0o632) == .resize)
        #expect(KeyDecoder.decode(keyCode: 0o407) == .backspace)
        #expect(KeyDecoder.decode(keyCode: 0o777) == .unknown(0o777))
    }

    @Test("line editor: insert, move, delete, word and line kills, length limit")
    func editor() {
        var e = LineEditor("state=unr", maxLength: 12)
        e.apply(.char("e"))
        #expect(e.text == "state=unre" && e.cursor == 10)
        e.apply(.home); e.apply(.right); e.apply(.delete)
        #expect(e.text == "sate=unre" && e.cursor == 1)
        e.apply(.end); e.apply(.ctrl("w"))
        #expect(e.text == "")   // no spaces: the whole word goes
        e = LineEditor("pool=3 stake", maxLength: 12)
        e.apply(.ctrl("w"))
        #expect(e.text == "pool=3 ")
        for c in "abcdefgh" { e.apply(.char(c)) }
        #expect(e.text == "pool=3 abcde")   // capped at 12
        e.apply(.left); e.apply(.ctrl("k"))
        #expect(e.text == "pool=3 abcd")
        e.apply(.ctrl("u"))
        #expect(e.text == "" && e.cursor == 0)
        e.apply(.backspace)
        #expect(e.text == "")
        #expect(e.apply(.enter) == false)
        e.apply(.char("\u{1B}"))
        #expect(e.text == "")
    }

    @Test("mailbox: one wake byte per burst, messages drained in order")
    func mailbox() throws {
        let box = try Mailbox<Int>()
        var fds = [pollfd(fd: box.wakeReadFd, events: Int16(POLLIN), revents: 0)]
        #expect(poll(&fds, 1, 0) == 0)
        box.post(1); box.post(2); box.post(3)
        #expect(poll(&fds, 1, 0) == 1)
        var byte: UInt8 = 0
        // Exactly one byte was written for the burst.
        #expect(read(box.wakeReadFd, &byte, 1) == 1)
        #expect(poll(&fds, 1, 0) == 0)
        #expect(box.drain() == [1, 2, 3])
        #expect(box.drain() == [])
        // Posts from other threads arrive too.
        let senders = (0..<4).map { t in
            Thread { for i in 0..<250 { box.post(t * 1000 + i) } }
        }
        senders.forEach { $0.start() }
        var received: [Int] = []
        while received.count < 1000 {
            _ = poll(&fds, 1, 1000)
            received += box.drain()
        }
        #expect(Set(received).count == 1000)
    }
}

import Foundation
