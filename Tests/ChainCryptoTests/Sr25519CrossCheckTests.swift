import Foundation
import Testing
import TestSupport
@testable import ChainCrypto

/// sr25519 against py-sr25519-bindings (schnorrkel itself, compiled from Rust):
/// signatures both ways, flipped bits fail on both sides, derivations agree.
@Suite(.enabled(if: ReferencePython.available || ReferencePython.required, "needs the reference Python venv"))
struct Sr25519CrossCheckTests {
    static func randomBytes(_ n: Int) -> [UInt8] {
        var rng = SystemRandomNumberGenerator()
        return (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }

    static func hex(_ b: [UInt8]) -> String { hexString(b, prefix: false) }

    static func flip(_ b: [UInt8], bit: Int) -> [UInt8] {
        var c = b
        c[bit / 8 % c.count] ^= UInt8(1 << (bit % 8))
        return c
    }

    /// Python reads "sig msg pub" hex lines and prints 1/0 per line.
    static let pythonVerify = """
    import sys, sr25519
    for line in sys.stdin.read().split('\\n'):
        if not line.strip():
            continue
        sig, msg, pub = (bytes.fromhex(x) for x in line.split(' '))
        try:
            ok = sr25519.verify(sig, msg, pub)
        except Exception:
            ok = False
        print(1 if ok else 0)
    """

    @Test func ourSignaturesVerifyInPythonAndTamperedOnesDoNot() throws {
        var lines: [String] = []
        var expected: [Bool] = []
        for i in 0..<24 {
            let pair = try Sr25519KeyPair(miniSecret: Self.randomBytes(32))
            let message = Self.randomBytes(i * 7 % 200)
            let signature = pair.sign(message)
            #expect(Sr25519KeyPair.verify(signature: signature, message: message, publicKey: pair.publicKey))
            lines.append("\(Self.hex(signature)) \(Self.hex(message)) \(Self.hex(pair.publicKey))"); expected.append(true)
            let badMessage = message.isEmpty ? [0] : Self.flip(message, bit: i * 13)
            let badSignature = Self.flip(signature, bit: i * 37 % 504)  // keep the marker bit (503+) mostly intact
            let badKey = Self.flip(pair.publicKey, bit: i * 11)
            for (s, m, k) in [(signature, badMessage, pair.publicKey), (badSignature, message, pair.publicKey),
                              (signature, message, badKey)] {
                #expect(!Sr25519KeyPair.verify(signature: s, message: m, publicKey: k))
                lines.append("\(Self.hex(s)) \(Self.hex(m)) \(Self.hex(k))"); expected.append(false)
            }
        }
        let out = try ReferencePython.run(Self.pythonVerify, stdin: lines.joined(separator: "\n") + "\n")
        let results = out.split(separator: "\n").map { $0 == "1" }
        #expect(results == expected)
    }

    @Test func pythonSignaturesVerifyHereAndTamperedOnesDoNot() throws {
        let script = """
        import os, sr25519
        for i in range(24):
            seed = os.urandom(32)
            msg = os.urandom(i * 5 % 150)
            pub, sec = sr25519.pair_from_seed(seed)
            sig = sr25519.sign((pub, sec), msg)
            print(seed.hex(), pub.hex(), msg.hex(), sig.hex())
        """
        let out = try ReferencePython.run(script)
        let rows = out.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: false).map { hexBytes(String($0)) } }
        #expect(rows.count == 24)
        for (i, row) in rows.enumerated() {
            let (seed, pub, msg, sig) = (row[0], row[1], row[2], row[3])
            #expect(try Sr25519KeyPair(miniSecret: seed).publicKey == pub, "public key from the same seed")
            #expect(Sr25519KeyPair.verify(signature: sig, message: msg, publicKey: pub))
            #expect(!Sr25519KeyPair.verify(signature: Self.flip(sig, bit: i * 41 % 504), message: msg, publicKey: pub))
            #expect(!Sr25519KeyPair.verify(signature: sig, message: msg.isEmpty ? [1] : Self.flip(msg, bit: i), publicKey: pub))
            #expect(!Sr25519KeyPair.verify(signature: sig, message: msg, publicKey: Self.flip(pub, bit: i * 9)))
        }
    }

    @Test func derivationsMatchPython() throws {
        // Per line: seed cc; Python prints hard pub, soft pub (key pair), soft pub (public only), hard-then-soft pub.
        let script = """
        import sys, sr25519
        for line in sys.stdin.read().split('\\n'):
            if not line.strip():
                continue
            seed, cc, cc2 = (bytes.fromhex(x) for x in line.split(' '))
            pub, sec = sr25519.pair_from_seed(seed)
            _, hpub, hsec = sr25519.hard_derive_keypair((cc, pub, sec), b'')
            _, spub, ssec = sr25519.derive_keypair((cc, pub, sec), b'')
            _, ppub = sr25519.derive_pubkey((cc, pub), b'')
            _, hspub, _ = sr25519.derive_keypair((cc2, hpub, hsec), b'')
            _, shpub, _ = sr25519.hard_derive_keypair((cc2, spub, ssec), b'')
            print(hpub.hex(), spub.hex(), ppub.hex(), hspub.hex(), shpub.hex())
        """
        var inputs: [([UInt8], [UInt8], [UInt8])] = []
        for _ in 0..<12 { inputs.append((Self.randomBytes(32), Self.randomBytes(32), Self.randomBytes(32))) }
        let stdin = inputs.map { "\(Self.hex($0.0)) \(Self.hex($0.1)) \(Self.hex($0.2))" }.joined(separator: "\n") + "\n"
        let out = try ReferencePython.run(script, stdin: stdin)
        let rows = out.split(separator: "\n").map { $0.split(separator: " ").map { hexBytes(String($0)) } }
        #expect(rows.count == inputs.count)
        for (input, row) in zip(inputs, rows) {
            let pair = try Sr25519KeyPair(miniSecret: input.0)
            let hard = pair.deriveHard(chainCode: input.1)
            let soft = pair.deriveSoft(chainCode: input.1)
            #expect(hard.publicKey == row[0], "hard")
            #expect(soft.publicKey == row[1], "soft key pair")
            #expect(pair.publicKeyValue.deriveSoft(chainCode: input.1).bytes == row[2], "soft public key")
            #expect(hard.deriveSoft(chainCode: input.2).publicKey == row[3], "hard then soft")
            #expect(soft.deriveHard(chainCode: input.2).publicKey == row[4], "soft then hard")
        }
    }

    @Test func derivedKeysSignForPython() throws {
        // A soft-derived child signs; Python verifies against its own derivation of the public key.
        let seed = Self.randomBytes(32), cc = Self.randomBytes(32)
        let child = try Sr25519KeyPair(miniSecret: seed).deriveSoft(chainCode: cc).deriveHard(chainCode: cc)
        let message = Array("derived".utf8)
        let signature = child.sign(message)
        let script = """
        import sys, sr25519
        seed, cc, msg, sig = (bytes.fromhex(x) for x in sys.argv[1:5])
        pub, sec = sr25519.pair_from_seed(seed)
        _, spub, ssec = sr25519.derive_keypair((cc, pub, sec), b'')
        _, hpub, _ = sr25519.hard_derive_keypair((cc, spub, ssec), b'')
        print(hpub.hex(), 1 if sr25519.verify(sig, msg, hpub) else 0)
        """
        let out = try ReferencePython.run(script, arguments: [Self.hex(seed), Self.hex(cc), Self.hex(message), Self.hex(signature)])
        let parts = out.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
        #expect(parts.count == 2)
        #expect(parts.first.map(String.init) == Self.hex(child.publicKey))
        #expect(parts.last == "1")
    }

    @Test func devPhraseMiniSecretAndAliceMatchSubstrateInterface() throws {
        let script = """
        import bip39
        from substrateinterface import Keypair
        phrase = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk'
        print(bytes(bip39.bip39_to_mini_secret(phrase, '')).hex())
        print(Keypair.create_from_uri('//Alice').public_key.hex())
        print(Keypair.create_from_uri(phrase + '//phala//1/soft').public_key.hex())
        """
        let lines = try ReferencePython.run(script).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let mini = hexBytes(lines[0])
        #expect(mini == Sr25519KeyPairTests.miniSecret(entropy: Sr25519KeyPairTests.devPhraseEntropy))
        let root = try Sr25519KeyPair(miniSecret: mini)
        #expect(Self.hex(root.deriveHard(chainCode: Sr25519KeyPairTests.chainCode("Alice")).publicKey) == lines[1])
        // Numeric junction "1" is SCALE u64 little-endian, padded to 32 bytes.
        var one = [UInt8](repeating: 0, count: 32); one[0] = 1
        let path = root.deriveHard(chainCode: Sr25519KeyPairTests.chainCode("phala")).deriveHard(chainCode: one)
            .deriveSoft(chainCode: Sr25519KeyPairTests.chainCode("soft"))
        #expect(Self.hex(path.publicKey) == lines[2])
    }
}
