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
            // Ctrl-C or a kill while echo is off must not leave the terminal silent.
            echoRestore = (tty, saved)
            for signal in restoredSignals { previousHandlers[signal] = Glibc.signal(signal, restoreEchoAndReraise) }
            _ = tcsetattr(tty, TCSAFLUSH, &quiet)
        }
        defer {
            if haveTermios {
                _ = tcsetattr(tty, TCSAFLUSH, &saved)
                for signal in restoredSignals { _ = Glibc.signal(signal, previousHandlers[signal] ?? SIG_DFL) }
                echoRestore = nil
            }
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

private let restoredSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
// Written only by the one thread that prompts, before and after the prompt;
// read by the signal handler, which can capture nothing.
nonisolated(unsafe) private var echoRestore: (fd: Int32, settings: termios)?
nonisolated(unsafe) private var previousHandlers: [Int32: sighandler_t?] = [:]

/// Restores the terminal settings saved before echo was turned off, then
/// lets the signal do what it would have done.
private func restoreEchoAndReraise(_ signal: Int32) {
    if var restore = echoRestore {
        _ = tcsetattr(restore.fd, TCSANOW, &restore.settings)
    }
    _ = Glibc.signal(signal, SIG_DFL)
    _ = raise(signal)
}
