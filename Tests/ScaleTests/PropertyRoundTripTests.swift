import Testing
import TestSupport
@testable import Scale

/// A test enum with non-contiguous explicit indices (like `#[codec(index = N)]`).
enum TestEvent: ScaleEnum, Equatable {
    case started(worker: [UInt8], at: UInt64)   // index 3
    case stopped                                // index 7
    case scored(UInt32?)                        // index 200

    var variantIndex: UInt8 {
        switch self {
        case .started: return 3
        case .stopped: return 7
        case .scored: return 200
        }
    }

    func encodeFields(to e: inout ScaleEncoder) {
        switch self {
        case .started(let w, let at): e.encodeFixedArray(w); e.encode(at)
        case .stopped: break
        case .scored(let s): e.encode(s)
        }
    }

    static func decodeVariant(_ index: UInt8, from d: inout ScaleDecoder) throws -> TestEvent? {
        switch index {
        case 3: return .started(worker: try d.decodeFixedArray(UInt8.self, count: 32), at: try d.decode())
        case 7: return .stopped
        case 200: return .scored(try d.decode())
        default: return nil
        }
    }
}

enum TestState: UInt8, ScaleEnum { case ready = 0, idle = 1, unresponsive = 3, coolingDown = 4 }

/// A SCALE-coded error payload for `Result` round trips.
struct TestError: Error, ScaleCodable, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
    init(from d: inout ScaleDecoder) throws { message = try d.decode() }
    func encode(to e: inout ScaleEncoder) { e.encode(message) }
}

@Suite struct PropertyRoundTripTests {
    /// decode(encode(v)) == v, all bytes consumed, and every strict prefix fails with a ScaleError.
    func roundTrip<T: ScaleCodable & Equatable>(_ v: T, sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = scaleEncoded(v)
        do {
            #expect(try scaleDecode(T.self, from: bytes) == v, "\(v)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(v) failed to decode: \(error)", sourceLocation: sourceLocation)
        }
        if !bytes.isEmpty {
            let cut = bytes.count - 1 - (bytes.count > 1 ? Int(bytes[0]) % (bytes.count - 1) : 0)
            #expect(throws: ScaleError.self, sourceLocation: sourceLocation) {
                try scaleDecode(T.self, from: Array(bytes.prefix(cut)))
            }
        }
    }

    @Test func integersAndCompacts() {
        var rng = SeededGenerator(seed: 1)
        for _ in 0..<400 {
            let x = rng.uint128()
            roundTrip(UInt8(truncatingIfNeeded: x)); roundTrip(UInt16(truncatingIfNeeded: x))
            roundTrip(UInt32(truncatingIfNeeded: x)); roundTrip(UInt64(truncatingIfNeeded: x)); roundTrip(x)
            roundTrip(Int8(truncatingIfNeeded: x)); roundTrip(Int16(truncatingIfNeeded: x))
            roundTrip(Int32(truncatingIfNeeded: x)); roundTrip(Int64(truncatingIfNeeded: x))
            roundTrip(Int128(bitPattern: x))
            roundTrip(Compact(x)); roundTrip(Compact(UInt64(truncatingIfNeeded: x)))
            roundTrip(Compact(UInt32(truncatingIfNeeded: x))); roundTrip(Compact(UInt8(truncatingIfNeeded: x)))
        }
    }

    @Test func stringsVecsOptionsResults() {
        var rng = SeededGenerator(seed: 2)
        for _ in 0..<300 {
            roundTrip(rng.string())
            roundTrip(rng.bytes(Int.random(in: 0..<300, using: &rng)))
            roundTrip((0..<Int.random(in: 0..<20, using: &rng)).map { _ in UInt32.random(in: 0...UInt32.max, using: &rng) })
            roundTrip([Bool?](arrayLiteral: nil, true, false).shuffled(using: &rng))
            roundTrip(Bool.random(using: &rng) ? UInt16?.none : UInt16.random(in: 0...UInt16.max, using: &rng))
            roundTrip([[UInt16?]]((0..<Int.random(in: 0..<5, using: &rng)).map { _ in
                (0..<Int.random(in: 0..<4, using: &rng)).map { _ in Bool.random(using: &rng) ? nil : UInt16.random(in: 0...9, using: &rng) }
            }))
            let nested: UInt8?? = [nil, .some(nil), .some(.some(UInt8.random(in: 0...255, using: &rng)))][Int.random(in: 0..<3, using: &rng)]
            roundTrip(nested)
            let r: Result<UInt32, TestError> = Bool.random(using: &rng) ? .success(UInt32.random(in: 0...9999, using: &rng)) : .failure(TestError(rng.string()))
            roundTrip(r)
        }
    }

    @Test func enumsMapsBitVecsTuplesAndFixedArrays() throws {
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<300 {
            let e: TestEvent = [.started(worker: rng.bytes(32), at: rng.next()), .stopped,
                                .scored(Bool.random(using: &rng) ? nil : UInt32(truncatingIfNeeded: rng.next()))][Int.random(in: 0..<3, using: &rng)]
            roundTrip(e)
            roundTrip([TestState.ready, .idle, .unresponsive, .coolingDown][Int.random(in: 0..<4, using: &rng)])
            var map: [UInt32: String] = [:]
            for _ in 0..<Int.random(in: 0..<8, using: &rng) { map[UInt32.random(in: 0...1000, using: &rng)] = rng.string() }
            roundTrip(map)
            let bits = BitVec((0..<Int.random(in: 0..<70, using: &rng)).map { _ in Bool.random(using: &rng) })
            roundTrip(bits)
            #expect(scaleEncoded(bits).count == scaleEncoded(Compact(UInt64(bits.count))).count + (bits.count + 7) / 8)

            let t = (UInt8.random(in: 0...255, using: &rng), rng.string(), UInt64?.some(rng.next()))
            var enc = ScaleEncoder()
            enc.encodeTuple(t)
            var dec = ScaleDecoder(enc.bytes)
            let back = try dec.decodeTuple(UInt8.self, String.self, UInt64?.self)
            #expect(back.0 == t.0 && back.1 == t.1 && back.2 == t.2 && dec.isAtEnd)

            let fixed = (0..<5).map { _ in UInt16.random(in: 0...UInt16.max, using: &rng) }
            var fe = ScaleEncoder()
            fe.encodeFixedArray(fixed)
            #expect(fe.bytes.count == 10)
            var fd = ScaleDecoder(fe.bytes)
            #expect(try fd.decodeFixedArray(UInt16.self, count: 5) == fixed)
            var short = ScaleDecoder(Array(fe.bytes.prefix(9)))
            #expect(throws: ScaleError.self) { try short.decodeFixedArray(UInt16.self, count: 5) }
        }
    }

    @Test func knownEncodingsOfComposites() throws {
        #expect(scaleEncoded(Result<UInt8, TestError>.success(5)) == [0, 5])
        #expect(scaleEncoded(Result<UInt8, TestError>.failure(TestError("a"))) == [1, 4, 0x61])
        #expect(scaleEncoded([UInt32(2): UInt8(9), 1: 8]) == [8, 1, 0, 0, 0, 8, 2, 0, 0, 0, 9])
        // Rust's BTreeMap orders by the key's Ord (1 < 256), not by encoded bytes ([0,1] < [1,0]).
        #expect(scaleEncoded([UInt16(256): UInt8(2), 1: 1]) == [8, 1, 0, 1, 0, 1, 2])
        #expect(scaleEncoded(BitVec([true, false, true])) == [0x0c, 0x05])
        #expect(scaleEncoded(TestEvent.stopped) == [7])
        #expect(throws: ScaleError.unknownVariant(offset: 0, index: 2, type: "TestState")) {
            try scaleDecode(TestState.self, from: [2])
        }
        var e = ScaleEncoder()
        e.encodeMapSortedByEncodedKey([[UInt8](repeating: 2, count: 2): UInt8(1), [1, 9]: 2]) { k, enc in enc.encodeFixedArray(k) }
        #expect(e.bytes == [8, 1, 9, 2, 2, 2, 1])
        #expect(throws: ScaleError.self) { try scaleDecode(Result<UInt8, TestError>.self, from: [2, 0]) }
        if #available(macOS 26.0, *) {
            let inline: InlineArray<3, UInt16> = [1, 2, 0xffff]
            let bytes = scaleEncoded(inline)
            #expect(bytes == [1, 0, 2, 0, 0xff, 0xff])
            let back = try scaleDecode(InlineArray<3, UInt16>.self, from: bytes)
            #expect(back[0] == 1 && back[1] == 2 && back[2] == 0xffff)
            #expect(throws: ScaleError.self) { try scaleDecode(InlineArray<3, UInt16>.self, from: [1, 0]) }
        }
    }
}
