import COpenSSL

/// Secret key material (seeds, mini secrets, expanded keys, entropy) in a
/// buffer this object owns and wipes with `OPENSSL_cleanse` when dropped.
///
/// Swift arrays are copy-on-write values that the runtime may copy and free
/// without zeroing, so secrets live here instead; copies out to `[UInt8]`
/// happen only at the last moment (OpenSSL calls) and are kept short-lived.
/// It never prints its contents: `description`, `debugDescription` and
/// `customMirror` show only the length (issue 3: keys never appear in logs).
public final class SecretBytes: @unchecked Sendable {
    // The bytes are immutable after init (only the initializer writes), hence
    // Sendable; `afterWipe` is set only by tests before the value is shared.
    private let buffer: UnsafeMutableRawBufferPointer

    /// Copies `bytes` into a fresh wiped-on-drop buffer.
    public init(_ bytes: some Collection<UInt8>) {
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        var i = 0
        for b in bytes { buffer[i] = b; i += 1 }
        count = bytes.count
    }

    /// A buffer of `count` bytes filled by `fill`; wiped if `fill` throws.
    public init(count: Int, fill: (UnsafeMutableRawBufferPointer) throws -> Void) rethrows {
        let n = max(count, 0)
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(n, 1), alignment: 16)
        buffer.initializeMemory(as: UInt8.self, repeating: 0)
        self.count = n
        try fill(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<n]))
    }

    /// Number of secret bytes.
    public let count: Int

    /// Read access to the secret bytes; do not let the pointer escape.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    }

    /// A new `SecretBytes` holding `range` of this one.
    public func slice(_ range: Range<Int>) -> SecretBytes {
        let lower = min(max(range.lowerBound, 0), count), upper = min(max(range.upperBound, lower), count)
        return SecretBytes(count: upper - lower) { out in
            out.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[lower..<upper]))
        }
    }

    /// A copy as an ordinary array, for APIs that need one. The caller owns
    /// the copy's lifetime; prefer `withUnsafeBytes`.
    func unsafeArrayCopy() -> [UInt8] { withUnsafeBytes { Array($0) } }

    /// Constant-time equality with another secret.
    func constantTimeEquals(_ other: SecretBytes) -> Bool {
        guard count == other.count else { return false }
        return withUnsafeBytes { a in
            other.withUnsafeBytes { b in
                count == 0 || CRYPTO_memcmp(a.baseAddress, b.baseAddress, count) == 0
            }
        }
    }

    /// Test seam: called with the wiped buffer just before it is freed.
    var afterWipe: (@Sendable (UnsafeRawBufferPointer) -> Void)?

    deinit {
        OPENSSL_cleanse(buffer.baseAddress, buffer.count)
        afterWipe?(UnsafeRawBufferPointer(buffer))
        buffer.deallocate()
    }
}

extension SecretBytes: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "SecretBytes(\(count) bytes, redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["count": count], displayStyle: .class) }
}

extension SecretBytes {
    /// Overwrites an array's bytes with zeros in a way the optimiser keeps,
    /// for the short-lived `[UInt8]` copies that APIs taking arrays force on us.
    public static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) }
    }
}

func wipe(_ bytes: inout [UInt8]) { SecretBytes.wipe(&bytes) }
