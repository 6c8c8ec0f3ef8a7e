import CNCurses
import TermUI

/// Turns what `wget_wch` returns into a `Key`.
///
/// Why separate: the mapping is pure and tested without a terminal; the ncurses
/// key codes (KEY_UP = 0o403 ...) are fixed by curses.h.
public enum KeyDecoder {
    /// A character from `wget_wch` returning OK: control bytes become Tab,
    /// Enter, Esc, Backspace or Ctrl-letter; anything else is `.char`.
    public static func decode(character value: UInt32) -> Key? {
        if value < 0x20 || value == 0x7F { return Key.fromControlByte(value) }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        if CharWidth.isControl(scalar) { return nil }
        return .char(Character(scalar))
    }

    /// A key code from `wget_wch` returning KEY_CODE_YES.
    public static func decode(keyCode code: Int32) -> Key {
        switch code {
        case kt_key_up(): return .up
        case kt_key_down(): return .down
        case kt_key_left(): return .left
        case kt_key_right(): return .right
        case kt_key_home(), KEY_A1: return .home
        case kt_key_end(), KEY_C1: return .end
        case kt_key_ppage(), KEY_A3: return .pageUp
        case kt_key_npage(), KEY_C3: return .pageDown
        case kt_key_backspace(): return .backspace
        case kt_key_dc(): return .delete
        case kt_key_ic(): return .insert
        case kt_key_enter(): return .enter
        case kt_key_btab(): return .backTab
        case kt_key_resize(): return .resize
        case kt_key_f(1)...kt_key_f(12): return .function(Int(code - kt_key_f(0)))
        default: return .unknown(code)
        }
    }
}
