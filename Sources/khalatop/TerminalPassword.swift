import ChainCrypto
import Foundation

/// Reads a password from the controlling terminal with echo turned off, so
/// it is neither shown nor kept in shell history.
enum TerminalPassword {
    static let maxBytes = 1024

    static func read(prompt: String) throws -> SecretBytes {
        let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard tty >= 0 else {
            throw KeyCommandError("no terminal to ask the key file's password on; use --password-file FILE")
        }
        defer { close(tty) }
        var saved = termios()
        let haveTermios = tcgetattr(tty, &saved) == 0
        if haveTermios {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            quiet.c_lflag |= tcflag_t(ICANON)
            _ = tcsetattr(tty, TCSAFLUSH, &quiet)
        }
        defer {
            if haveTermios { _ = tcsetattr(tty, TCSAFLUSH, &saved) }
            _ = write(tty, "\n", 1)
        }
        _ = prompt.withCString { write(tty, $0, strlen($0)) }
        var buffer = [UInt8](repeating: 0, count: maxBytes)
        defer { SecretBytes.wipe(&buffer) }
        var count = 0
        while count < buffer.count {
            var byte: UInt8 = 0
            let n = Glibc.read(tty, &byte, 1)
            if n < 0, errno == EINTR { continue }
            if n <= 0 || byte == 0x0A || byte == 0x0D { break }
            buffer[count] = byte
            count += 1
        }
        return SecretBytes(buffer[0..<count])
    }
}
