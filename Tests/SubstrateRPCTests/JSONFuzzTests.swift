import Foundation
import Testing
@testable import SubstrateRPC

/// Random and mutated inputs: the parser must return a value or a typed
/// error with an offset inside the input, never trap; what it accepts must
/// serialize and parse back to the same value.
struct JSONFuzzTests {
    @Test func randomBytesNeverTrap() {
        var rng = SplitMix64(seed: 0x5EED_0001)
        var accepted = 0
        for _ in 0..<20_000 {
            let n = Int(rng.next() % 64)
            let alphabet = Array("{}[]\",:0123456789-+.eEtrufalsn \\u\n\t".utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xA9, 0xFF, 0xED]
            let bytes = (0..<n).map { _ in
                rng.next() % 4 == 0 ? UInt8(truncatingIfNeeded: rng.next()) : alphabet[Int(rng.next() % UInt64(alphabet.count))]
            }
            if check(bytes) { accepted += 1 }
        }
        // Mostly refusals, but the structure-heavy alphabet does hit valid text.
        #expect(accepted > 0)
    }

    @Test func mutatedDocumentsNeverTrap() throws {
        var rng = SplitMix64(seed: 0x5EED_0002)
        let seeds: [String] = [
            #"{"jsonrpc":"2.0","method":"chain_newHead","params":{"subscription":"abc","result":{"parentHash":"0x00","number":"0x1a","digest":{"logs":["0x0642"]}}}}"#,
            #"[{"jsonrpc":"2.0","id":1,"method":"state_getStorage","params":["0xabcdef",null]},{"jsonrpc":"2.0","id":"x","error":{"code":-32601,"message":"Method not found"}}]"#,
            #"{"a":[1,-2.5e10,true,false,null,"\u00e9\ud83d\ude00\n"],"b":{"c":{}},"d":18446744073709551616}"#,
        ]
        var accepted = 0
        for _ in 0..<20_000 {
            var bytes = Array(seeds[Int(rng.next() % UInt64(seeds.count))].utf8)
            let edits = 1 + Int(rng.next() % 4)
            for _ in 0..<edits where !bytes.isEmpty {
                let at = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 4 {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: at)
                default: bytes = Array(bytes[..<at])  // truncation
                }
            }
            if check(bytes) { accepted += 1 }
        }
        #expect(accepted > 0)
    }

    @Test func randomValuesRoundTrip() throws {
        var rng = SplitMix64(seed: 0x5EED_0003)
        for _ in 0..<2_000 {
            let v = randomValue(&rng, depth: 0)
            let text = v.serializedBytes()
            let back = try JSONParser.parse(text)
            #expect(back == v)
            // An independent parser agrees that our output is JSON.
            #expect((try? JSONSerialization.jsonObject(with: Data(text), options: [.fragmentsAllowed])) != nil)
        }
    }

    /// Returns true when accepted; records an issue when the behaviour is wrong.
    func check(_ bytes: [UInt8]) -> Bool {
        do {
            let v = try JSONParser.parse(bytes)
            let again = try JSONParser.parse(v.serializedBytes())
            #expect(again == v)
            return true
        } catch {
            #expect(error.offset >= 0 && error.offset <= bytes.count)
            return false
        }
    }

    func randomValue(_ rng: inout SplitMix64, depth: Int) -> JSONValue {
        let pick = depth > 4 ? rng.next() % 5 : rng.next() % 7
        switch pick {
        case 0: return .null
        case 1: return .bool(rng.next() % 2 == 0)
        case 2:
            switch rng.next() % 3 {
            case 0: return .int(Int64(bitPattern: rng.next()))
            case 1: return .uint(rng.next())
            default: return .double(Double(Int64(bitPattern: rng.next() >> 20)) / 1024.0)
            }
        case 3, 4:
            let n = Int(rng.next() % 12)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<n {
                let choices: [UInt32] = [0x41, 0x22, 0x5C, 0x0A, 0x01, 0xE9, 0x20AC, 0x1F600, 0x7F]
                let c = rng.next() % 3 == 0 ? UInt32(rng.next() % 0x80) : choices[Int(rng.next() % UInt64(choices.count))]
                if let s = Unicode.Scalar(c) { scalars.append(s) }
            }
            return .string(String(scalars))
        case 5: return .array((0..<Int(rng.next() % 5)).map { _ in randomValue(&rng, depth: depth + 1) })
        default:
            var o = JSONObject()
            for k in 0..<Int(rng.next() % 5) { o["k\(k)_\(rng.next() % 100)"] = randomValue(&rng, depth: depth + 1) }
            return .object(o)
        }
    }
}

/// Deterministic generator so a failing fuzz case can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
