import Testing
import TermUI

@Suite("Layout")
struct LayoutTests {
    @Test("fixed, percentage and fill share the space and tile it")
    func split() {
        let parts = Layout.vertical([.fixed(1), .percentage(50), .fill(1), .fixed(1)]).split(Rect(x: 0, y: 0, width: 80, height: 24))
        #expect(parts.map(\.height) == [1, 12, 10, 1])
        #expect(parts.map(\.y) == [0, 1, 13, 23])
        let weighted = Layout.horizontal([.fill(1), .fill(2)], spacing: 1).split(Rect(x: 2, y: 0, width: 31, height: 1))
        #expect(weighted.map(\.width) == [10, 20])
        #expect(weighted.map(\.x) == [2, 13])
    }

    @Test("too little space gives later parts zero and never overflows")
    func tooSmall() {
        for length in 0...5 {
            let parts = Layout.vertical([.fixed(2), .fixed(3), .percentage(50), .fill(1)], spacing: 1)
                .split(Rect(x: 0, y: 0, width: 4, height: length))
            #expect(parts.allSatisfy { $0.bottom <= length })
            #expect(parts.reduce(0) { $0 + $1.height } <= length)
        }
        #expect(Rect(x: 0, y: 0, width: 10, height: 4).centered(width: 20, height: 2) == Rect(x: 0, y: 1, width: 10, height: 2))
        #expect(Rect(x: 0, y: 0, width: 1, height: 1).inset(by: 1).isEmpty)
    }

    @Test("text into an empty rectangle draws nothing")
    func textInEmptyRect() {
        var buffer = Buffer(width: 10, height: 2)
        #expect(buffer.setText("hello", in: Rect(x: 1, y: 1, width: 8, height: 0)) == 0)
        #expect(buffer.setText("hello", in: Rect(x: 1, y: 1, width: 3, height: 1)) == 3)
        #expect(buffer.lines == ["          ", " he…      "])
    }
}
