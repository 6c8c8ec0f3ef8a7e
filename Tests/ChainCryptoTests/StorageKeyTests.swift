import Testing
import TestSupport
@testable import ChainCrypto

@Suite struct StorageKeyTests {
    /// storage_prefix of reference-vectors.json ("Pallet.Entry" → prefix).
    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func referencePrefixes() throws {
        let vectors = try VectorInputs.section("storage_prefix")
        #expect(vectors.count >= 6)
        for (name, expected) in vectors {
            let parts = name.split(separator: ".").map(String.init)
            try #require(parts.count == 2)
            #expect(hexString(StorageKey.prefix(pallet: parts[0], entry: parts[1])) == expected, "\(name)")
        }
    }

    /// PROTOCOL.md §1.5, every listed prefix.
    @Test(arguments: [
        ("PhalaRegistry", "Workers", "0d746931e7a6bfd47fbcccfd71984aef1bf55d6b9732eb86723ccad1af88b985"),
        ("PhalaRegistry", "Endpoints", "0d746931e7a6bfd47fbcccfd71984aef256502b006697fb142d2eb87ba5e1ca1"),
        ("PhalaComputation", "Sessions", "b71c310d8c830d345ee1c1b84566a8d1028685274e698e781f7f2766cba0cc83"),
        ("PhalaComputation", "WorkerBindings", "b71c310d8c830d345ee1c1b84566a8d129508a101b262c94ae3b928a07bb3cd5"),
        ("PhalaComputation", "Stakes", "b71c310d8c830d345ee1c1b84566a8d199631790894601a7ff7dac1d1ca231bc"),
        ("PhalaComputation", "TokenomicParameters", "b71c310d8c830d345ee1c1b84566a8d101fcc41548ec01285ffcc5b6baff016a"),
        ("PhalaComputation", "OnlineWorkers", "b71c310d8c830d345ee1c1b84566a8d10c4994f56a54991512c49a193d7df1a1"),
        ("PhalaComputation", "HeartbeatPaused", "b71c310d8c830d345ee1c1b84566a8d1252c677f6ef9505d26b2c6ffc28adf70"),
        ("PhalaComputation", "CoolDownPeriod", "b71c310d8c830d345ee1c1b84566a8d13621662dc0372018ee7c335e6740fdf0"),
        ("PhalaMq", "OutboundMessages", "2f039a6a7f13e94b9545257e54062a048a395e6242c6813b196ca31ed0547ea7"),
        ("PhalaBasePool", "Pools", "00f8eafbad3b4a32114491ad7e1249144c72016d74b63ae83d79b02efdb5528e"),
        ("PhalaStakePoolv2", "WorkerAssignments", "75e3ed3f59e45643ed1149ad80929c1b19607b9c9a8737bdc9a8097e5575f8df"),
    ])
    func protocolPrefixes(pallet: String, entry: String, expected: String) {
        #expect(hexString(StorageKey.prefix(pallet: pallet, entry: entry), prefix: false) == expected)
    }

    /// twox64concat, blake2_128concat (keys32 inputs), twox64concat_u32 (LE u32 keys).
    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func referenceConcatHashers() throws {
        let keys = try VectorInputs.section("keys32")
        for (section, hasher) in [("twox64concat", StorageHasher.twox64Concat),
                                  ("blake2_128concat", .blake2_128Concat)] {
            let vectors = try VectorInputs.section(section)
            #expect(vectors.count == 3)
            for (name, expected) in vectors {
                let key = hexBytes(try #require(keys[name]))
                #expect(hexString(hasher.hash(key)) == expected, "\(section) \(name)")
            }
        }
        let u32 = try VectorInputs.section("twox64concat_u32")
        #expect(u32.count == 3)
        for (name, expected) in u32 {
            let value = try #require(UInt32(name))
            let key = withUnsafeBytes(of: value.littleEndian) { Array($0) }
            #expect(hexString(StorageHasher.twox64Concat.hash(key)) == expected, "u32 \(name)")
        }
    }

    /// storage_key_example: System.Account(alice), a Blake2_128Concat map; and its split.
    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func referenceSystemAccountKey() throws {
        let expected = try #require(try VectorInputs.section("storage_key_example")["System.Account(alice)"])
        let alice = hexBytes(try #require(try VectorInputs.section("keys32")["alice_pub"]))
        let key = StorageKey.map(pallet: "System", entry: "Account", hasher: .blake2_128Concat, key: alice)
        #expect(hexString(key) == expected)
        #expect(try StorageKey.splitConcat(key, pallet: "System", entry: "Account", hasher: .blake2_128Concat) == alice)
    }

    @Test func hasherLengthsMatchOutputs() {
        let key: [UInt8] = [1, 2, 3, 4, 5]
        for hasher in StorageHasher.allCases {
            let hashed = hasher.hash(key)
            #expect(hashed.count == hasher.hashPrefixLength + (hasher.isTransparent ? key.count : 0), "\(hasher)")
            #expect(StorageHasher(metadataIndex: hasher.metadataIndex) == hasher)
            #expect(StorageHasher(metadataName: hasher.metadataName) == hasher)
        }
        #expect(StorageHasher(metadataIndex: 7) == nil)
        #expect(StorageHasher.identity.hash(key) == key)
        #expect(StorageHasher.blake2_256.hash(key) == blake2_256(key))
        #expect(StorageHasher.twox256.hash(key) == twox256(key))
    }

    /// Random double/N-maps of every transparent hasher split back to their keys.
    @Test func splitConcatRoundTrips() throws {
        var rng = SplitMix64(seed: 11)
        let transparent: [StorageHasher] = [.blake2_128Concat, .twox64Concat, .identity]
        for trial in 0..<200 {
            let partCount = 1 + trial % 3
            let parts = (0..<partCount).map { _ in
                (hasher: transparent.randomElement(using: &rng)!, key: rng.bytes(Int.random(in: 0...40, using: &rng)))
            }
            let full = StorageKey.nMap(pallet: "PhalaComputation", entry: "Stakes", parts: parts)
            let lengths: [Int?] = parts.enumerated().map { $0.offset == partCount - 1 ? nil : $0.element.key.count }
            let split = try StorageKey.splitConcat(full, pallet: "PhalaComputation", entry: "Stakes",
                                                   hashers: parts.map(\.hasher), keyLengths: lengths)
            #expect(split == parts.map(\.key))
        }
        let account = [UInt8](repeating: 7, count: 32)
        let double = StorageKey.doubleMap(pallet: "PhalaComputation", entry: "Stakes",
                                          hasher1: .twox64Concat, key1: account, hasher2: .twox64Concat, key2: [42, 0, 0, 0])
        #expect(try StorageKey.splitConcat(double, pallet: "PhalaComputation", entry: "Stakes",
                                           hashers: [.twox64Concat, .twox64Concat], keyLengths: [32, 4])
                == [account, [42, 0, 0, 0]])
    }

    @Test func splitConcatErrors() {
        let worker = [UInt8](repeating: 9, count: 32)
        let full = StorageKey.map(pallet: "PhalaRegistry", entry: "Workers", hasher: .twox64Concat, key: worker)
        #expect(throws: StorageKeyError.prefixMismatch(pallet: "PhalaRegistry", entry: "Endpoints")) {
            try StorageKey.splitConcat(full, pallet: "PhalaRegistry", entry: "Endpoints", hasher: .twox64Concat)
        }
        #expect(throws: StorageKeyError.tooShort(offset: 0, needed: 32, available: 10)) {
            try StorageKey.splitConcat(Array(full[0..<10]), pallet: "PhalaRegistry", entry: "Workers", hasher: .twox64Concat)
        }
        #expect(throws: StorageKeyError.opaqueHasher(index: 0, hasher: .blake2_128)) {
            try StorageKey.splitConcat(full, pallet: "PhalaRegistry", entry: "Workers", hasher: .blake2_128)
        }
        // Wrong hasher: the first 16 bytes are not blake2_128 of the rest.
        #expect(throws: StorageKeyError.hashMismatch(index: 0, hasher: .blake2_128Concat)) {
            try StorageKey.splitConcat(full, pallet: "PhalaRegistry", entry: "Workers", hasher: .blake2_128Concat)
        }
        var tampered = full
        tampered[tampered.count - 1] ^= 1
        #expect(throws: StorageKeyError.hashMismatch(index: 0, hasher: .twox64Concat)) {
            try StorageKey.splitConcat(tampered, pallet: "PhalaRegistry", entry: "Workers", hasher: .twox64Concat)
        }
        #expect(throws: StorageKeyError.trailingBytes(offset: 32 + 8 + 32, count: 1)) {
            try StorageKey.splitConcat(full + [0], pallet: "PhalaRegistry", entry: "Workers",
                                       hashers: [.twox64Concat], keyLengths: [32])
        }
        #expect(throws: StorageKeyError.tooShort(offset: 40, needed: 33, available: 32)) {
            try StorageKey.splitConcat(full, pallet: "PhalaRegistry", entry: "Workers",
                                       hashers: [.twox64Concat], keyLengths: [33])
        }
        #expect(throws: StorageKeyError.keyLengthUnknown(index: 0)) {
            try StorageKey.splitConcat(full, pallet: "PhalaRegistry", entry: "Workers",
                                       hashers: [.twox64Concat, .identity], keyLengths: [nil, nil])
        }
    }

    /// Random bytes after a valid prefix never crash the splitter.
    @Test func splitConcatRandomInputNeverCrashes() {
        var rng = SplitMix64(seed: 5)
        let prefix = StorageKey.prefix(pallet: "PhalaRegistry", entry: "Workers")
        for _ in 0..<2000 {
            let tail = rng.bytes(Int.random(in: 0...80, using: &rng))
            let hashers = (0..<Int.random(in: 1...3, using: &rng)).map { _ in StorageHasher.allCases.randomElement(using: &rng)! }
            let lengths: [Int?] = hashers.map { _ in Bool.random(using: &rng) ? nil : Int.random(in: -2...40, using: &rng) }
            _ = try? StorageKey.splitConcat(prefix + tail, pallet: "PhalaRegistry", entry: "Workers",
                                            hashers: hashers, keyLengths: lengths)
        }
    }
}
