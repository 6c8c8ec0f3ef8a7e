/// An integer modulo ℓ = 2^252 + 27742317777372353535851937790883648493, the
/// order of the Ristretto255 group: sr25519 secret keys, nonces, challenges.
///
/// Four 64-bit little-endian words, always fully reduced (< ℓ). Products use
/// Montgomery multiplication with a fixed instruction sequence and a masked
/// final subtraction, so secret scalars never steer a branch.
struct Scalar25519: Sendable, Equatable {
    var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

    init(_ w0: UInt64, _ w1: UInt64, _ w2: UInt64, _ w3: UInt64) {
        self.w0 = w0; self.w1 = w1; self.w2 = w2; self.w3 = w3
    }

    static let zero = Scalar25519(0, 0, 0, 0)
    static let one = Scalar25519(1, 0, 0, 0)

    /// ℓ itself (not a valid reduced scalar; the modulus).
    static let order: [UInt64] = [0x5812_631a_5cf5_d3ed, 0x14de_f9de_a2f7_9cd6, 0, 0x1000_0000_0000_0000]

    /// -ℓ^(-1) mod 2^64, by Newton iteration on the low word.
    static let montgomeryFactor: UInt64 = {
        var inv: UInt64 = 1
        for _ in 0..<6 { inv = inv &* (2 &- order[0] &* inv) }
        return 0 &- inv
    }()

    /// R = 2^256 mod ℓ and R^2 mod ℓ, found by doubling 1 (public constants).
    static let rModL: [UInt64] = powerOfTwoModOrder(256)
    static let r2ModL: [UInt64] = powerOfTwoModOrder(512)

    static func powerOfTwoModOrder(_ n: Int) -> [UInt64] {
        var x: [UInt64] = [1, 0, 0, 0]
        for _ in 0..<n { x = addModOrder(x, x) }
        return x
    }

    var words: [UInt64] { [w0, w1, w2, w3] }

    init(words w: [UInt64]) { self.init(w[0], w[1], w[2], w[3]) }

    /// 32 little-endian bytes.
    func toBytes() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let ws = words
        for i in 0..<4 {
            for k in 0..<8 { out[i * 8 + k] = UInt8(truncatingIfNeeded: ws[i] >> (8 * UInt64(k))) }
        }
        return out
    }

    static func loadWords(_ b: ArraySlice<UInt8>) -> [UInt64] {
        var ws = [UInt64](repeating: 0, count: b.count / 8)
        let base = b.startIndex
        for i in 0..<ws.count {
            var w: UInt64 = 0
            for k in 0..<8 { w |= UInt64(b[base + i * 8 + k]) << (8 * UInt64(k)) }
            ws[i] = w
        }
        return ws
    }

    /// 64 little-endian bytes reduced mod ℓ (schnorrkel's challenge scalars).
    init(reducingWide bytes: [UInt8]) {
        let lo = Self.loadWords(bytes[0..<32]), hi = Self.loadWords(bytes[32..<64])
        // lo·R·R^-1 = lo and hi·R^2·R^-1 = hi·2^256 (mod ℓ).
        let a = Self.montgomeryMultiply(lo, Self.rModL)
        let b = Self.montgomeryMultiply(hi, Self.r2ModL)
        self.init(words: Self.addModOrder(a, b))
    }

    /// 32 little-endian bytes reduced mod ℓ.
    init(reducing bytes: [UInt8]) {
        self.init(words: Self.montgomeryMultiply(Self.loadWords(bytes[0..<32]), Self.rModL))
    }

    /// 32 little-endian bytes that must already be < ℓ (signature `s`); nil otherwise.
    /// Variable time: only used on public values.
    init?(canonical bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        let w = Self.loadWords(bytes[0..<32])
        var i = 3
        while i >= 0 {
            if w[i] < Self.order[i] { break }
            if w[i] > Self.order[i] { return nil }
            i -= 1
        }
        if i < 0 { return nil }  // equal to ℓ
        self.init(words: w)
    }

    static func + (a: Scalar25519, b: Scalar25519) -> Scalar25519 {
        Scalar25519(words: addModOrder(a.words, b.words))
    }

    static func * (a: Scalar25519, b: Scalar25519) -> Scalar25519 {
        // (a·b·R^-1)·R^2·R^-1 = a·b.
        Scalar25519(words: montgomeryMultiply(montgomeryMultiply(a.words, b.words), r2ModL))
    }

    static prefix func - (a: Scalar25519) -> Scalar25519 {
        Scalar25519(words: subtractModOrder([0, 0, 0, 0], a.words))
    }

    static func - (a: Scalar25519, b: Scalar25519) -> Scalar25519 {
        Scalar25519(words: subtractModOrder(a.words, b.words))
    }

    // MARK: word arithmetic (constant time)

    /// (a + b) mod ℓ for a, b < ℓ.
    static func addModOrder(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var s = [UInt64](repeating: 0, count: 4)
        var carry: UInt64 = 0
        for i in 0..<4 {
            let (x, c1) = a[i].addingReportingOverflow(b[i])
            let (y, c2) = x.addingReportingOverflow(carry)
            s[i] = y
            carry = (c1 ? 1 : 0) | (c2 ? 1 : 0)
        }
        return reduceOnce(s, top: carry)
    }

    /// (a - b) mod ℓ for a, b < ℓ: subtract, then add ℓ back under a mask.
    static func subtractModOrder(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var d = [UInt64](repeating: 0, count: 4)
        var borrow: UInt64 = 0
        for i in 0..<4 {
            let (x, b1) = a[i].subtractingReportingOverflow(b[i])
            let (y, b2) = x.subtractingReportingOverflow(borrow)
            d[i] = y
            borrow = (b1 ? 1 : 0) | (b2 ? 1 : 0)
        }
        let mask = 0 &- borrow
        var carry: UInt64 = 0
        for i in 0..<4 {
            let (x, c1) = d[i].addingReportingOverflow(order[i] & mask)
            let (y, c2) = x.addingReportingOverflow(carry)
            d[i] = y
            carry = (c1 ? 1 : 0) | (c2 ? 1 : 0)
        }
        return d
    }

    /// x (with an extra top word) minus ℓ when that does not go negative; x < 2ℓ.
    static func reduceOnce(_ x: [UInt64], top: UInt64) -> [UInt64] {
        var d = [UInt64](repeating: 0, count: 4)
        var borrow: UInt64 = 0
        for i in 0..<4 {
            let (u, b1) = x[i].subtractingReportingOverflow(order[i])
            let (v, b2) = u.subtractingReportingOverflow(borrow)
            d[i] = v
            borrow = (b1 ? 1 : 0) | (b2 ? 1 : 0)
        }
        // Keep x when the subtraction borrowed past the top word.
        let (_, finalBorrow) = top.subtractingReportingOverflow(borrow)
        let keep = 0 &- UInt64(finalBorrow ? 1 : 0)
        var out = [UInt64](repeating: 0, count: 4)
        for i in 0..<4 { out[i] = (x[i] & keep) | (d[i] & ~keep) }
        return out
    }

    /// a·b·2^-256 mod ℓ (CIOS Montgomery); needs a·b < ℓ·2^256.
    static func montgomeryMultiply(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var t = [UInt64](repeating: 0, count: 6)
        let n0 = montgomeryFactor
        for i in 0..<4 {
            var carry: UInt64 = 0
            for j in 0..<4 {
                let p = UInt128(a[j]) &* UInt128(b[i]) &+ UInt128(t[j]) &+ UInt128(carry)
                t[j] = UInt64(truncatingIfNeeded: p)
                carry = UInt64(truncatingIfNeeded: p >> 64)
            }
            let s = UInt128(t[4]) &+ UInt128(carry)
            t[4] = UInt64(truncatingIfNeeded: s)
            t[5] = UInt64(truncatingIfNeeded: s >> 64)

            let m = t[0] &* n0
            var p = UInt128(m) &* UInt128(order[0]) &+ UInt128(t[0])
            carry = UInt64(truncatingIfNeeded: p >> 64)
            for j in 1..<4 {
                p = UInt128(m) &* UInt128(order[j]) &+ UInt128(t[j]) &+ UInt128(carry)
                t[j - 1] = UInt64(truncatingIfNeeded: p)
                carry = UInt64(truncatingIfNeeded: p >> 64)
            }
            let s2 = UInt128(t[4]) &+ UInt128(carry)
            t[3] = UInt64(truncatingIfNeeded: s2)
            t[4] = t[5] &+ UInt64(truncatingIfNeeded: s2 >> 64)
        }
        return reduceOnce(Array(t[0..<4]), top: t[4])
    }
}
