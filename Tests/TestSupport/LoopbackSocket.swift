import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Plain loopback sockets for the tests' hostile servers and proxies, which
/// must share nothing with the networking code under test.
public enum LoopbackSocket {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// A socket listening on 127.0.0.1 at a port the kernel picks.
    public static func listen(backlog: Int32 = 16) throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = loopback(port: 0)
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                bind(fd, sa, len) == 0 && Glibc.listen(fd, backlog) == 0 && getsockname(fd, sa, &len) == 0
            }
        }
        guard ok else {
            close(fd)
            throw Failure(description: "cannot listen on 127.0.0.1")
        }
        return (fd, Int(UInt16(bigEndian: addr.sin_port)))
    }

    /// A socket connected to 127.0.0.1:`port`, or nil when nothing listens there.
    public static func connect(port: Int) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var addr = loopback(port: port)
        let connected = withUnsafePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else {
            close(fd)
            return nil
        }
        return fd
    }

    static func loopback(port: Int) -> sockaddr_in {
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        return addr
    }
}

/// A loopback listening socket served by its own accept thread, with
/// descriptor ownership that survives `stop()` racing the threads: a
/// descriptor is closed only by the thread that uses it, after it is taken
/// out of the set `stop()` shuts down (under one lock). Closing a listening
/// socket or a connection from `stop()` while a thread still blocked on it
/// let the number be reused by another test's socket, and the stale thread
/// then accepted or answered that test's connections ("expected HTTP/1.1"
/// from a test that never wrote HTTP).
public final class LoopbackListener: @unchecked Sendable {
    public let port: Int
    private let lock = NSLock()
    private var listenFD: Int32?
    private var open: Set<Int32> = []
    private var stopped = false

    /// `serve` runs on a new thread per connection; when it returns the
    /// connection is closed (`stop()` shuts it down first, so a blocked read
    /// or write returns). `maxConnections` ends the accept loop after that many.
    public init(backlog: Int32 = 16, maxConnections: Int = .max, serve: @escaping @Sendable (Connection) -> Void) throws {
        let (fd, port) = try LoopbackSocket.listen(backlog: backlog)
        self.port = port
        listenFD = fd
        Thread { [self] in
            var accepted = 0
            while accepted < maxConnections {
                let c = accept(fd, nil, nil)
                if c < 0 {
                    if errno == EINTR || errno == ECONNABORTED { continue }
                    break
                }
                guard adopt(c) else { close(c); break }
                accepted += 1
                Thread { [self] in
                    serve(Connection(fd: c))
                    release(c)
                }.start()
            }
            lock.withLock { listenFD = nil }
            close(fd)
        }.start()
    }

    /// Registers an accepted connection unless stopped.
    private func adopt(_ fd: Int32) -> Bool {
        lock.withLock {
            guard !stopped else { return false }
            open.insert(fd)
            return true
        }
    }

    /// Closes a connection its thread is done with.
    public func release(_ fd: Int32) {
        lock.withLock {
            guard open.remove(fd) != nil else { return }
            close(fd)
        }
    }

    /// Registers another descriptor (a proxy's upstream socket) to be shut down by `stop()`.
    public func track(_ fd: Int32) { lock.withLock { open.insert(fd) } }

    /// Shuts down every open connection (both directions); their threads end and close them.
    public func cutAll() {
        lock.withLock { for fd in open { shutdown(fd, Int32(SHUT_RDWR)) } }
    }

    /// Stops accepting and cuts every connection.
    public func stop() {
        lock.withLock {
            stopped = true
            if let fd = listenFD { shutdown(fd, Int32(SHUT_RDWR)) }  // wakes accept(); its thread closes it
            for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    deinit { stop() }

    /// One accepted connection.
    public struct Connection: Sendable {
        public let fd: Int32

        /// Blocks until the peer closes (or `stop()` cuts the connection).
        public func waitForClose() {
            var buf = [UInt8](repeating: 0, count: 4096)
            while read(fd, &buf, buf.count) > 0 {}
        }
    }
}
