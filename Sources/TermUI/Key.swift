/// A key press, decoded from the terminal by the backend.
///
/// Why our own enum: the dashboard maps keys to messages (`j` → `.selectNext`)
/// without knowing ncurses key codes, and tests script keys as values.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case char(Character)
    /// Ctrl + a letter (Ctrl-A = `.ctrl("a")`).
    case ctrl(Character)
    case enter
    case escape
    case tab
    case backTab
    case backspace
    case delete
    case insert
    case up, down, left, right
    case pageUp, pageDown
    case home, end
    /// F1 to F12.
    case function(Int)
    /// The terminal changed size.
    case resize
    /// A key code the decoder does not know.
    case unknown(Int32)

    public var description: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-\(c.uppercased())"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .function(let n): return "F\(n)"
        case .resize: return "Resize"
        case .unknown(let code): return "Key(\(code))"
        }
    }

    /// Decodes a control byte (0x00-0x1F, 0x7F) as typed on a terminal: Tab,
    /// Enter (CR or LF), Esc, Backspace (DEL or BS), else Ctrl + letter.
    public static func fromControlByte(_ byte: UInt32) -> Key? {
        switch byte {
        case 0x09: return .tab
        case 0x0A, 0x0D: return .enter
        case 0x1B: return .escape
        case 0x08, 0x7F: return .backspace
        case 0x00: return .ctrl(" ")
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(UInt8(0x60 + byte))))
        case 0x1C...0x1F: return .ctrl(Character(Unicode.Scalar(UInt8(0x40 + byte))))
        default: return nil
        }
    }
}
