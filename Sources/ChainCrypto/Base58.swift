/// Base58 with the Bitcoin alphabet, as SS58 addresses use it.
///
/// Written here (no dependency) because SS58 is its only user and inputs are
/// short (an address is at most ~50 characters): the quadratic big-number
/// conversion is simpler than anything cleverer and fast enough.
enum Base58 {
    static let alphabet: [UInt8] = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)

    /// Character → digit value, 0xFF for characters outside the alphabet.
    static let digitValues: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in alphabet.enumerated() { table[Int(character)] = UInt8(value) }
        return table
    }()

    static func encode(_ bytes: [UInt8]) -> String {
        let zeros = bytes.prefix(while: { $0 == 0 }).count
        // log(256)/log(58) ≈ 1.366 digits per byte.
        var digits = [UInt8](repeating: 0, count: (bytes.count - zeros) * 138 / 100 + 1)
        var used = 0
        for byte in bytes[zeros...] {
            var carry = Int(byte)
            var index = 0
            while index < used || carry != 0 {
                carry += 256 * Int(digits[index])
                digits[index] = UInt8(carry % 58)
                carry /= 58
                index += 1
            }
            used = index
        }
        var out = [UInt8](repeating: alphabet[0], count: zeros)
        out.reserveCapacity(zeros + used)
        for index in stride(from: used - 1, through: 0, by: -1) { out.append(alphabet[Int(digits[index])]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of `text`; nil position of the first character outside the alphabet in `.failure`.
    static func decode(_ text: String) -> Result<[UInt8], Base58Failure> {
        let characters = Array(text.utf8)
        let ones = characters.prefix(while: { $0 == alphabet[0] }).count
        // log(58)/log(256) ≈ 0.733 bytes per digit.
        var bytes = [UInt8](repeating: 0, count: (characters.count - ones) * 733 / 1000 + 1)
        var used = 0
        for (position, character) in characters.enumerated().dropFirst(ones) {
            let value = digitValues[Int(character)]
            guard value != 0xFF else { return .failure(Base58Failure(position: position)) }
            var carry = Int(value)
            var index = 0
            while index < used || carry != 0 {
                carry += 58 * Int(bytes[index])
                bytes[index] = UInt8(carry & 0xFF)
                carry >>= 8
                index += 1
            }
            used = index
        }
        return .success([UInt8](repeating: 0, count: ones) + bytes[0..<used].reversed())
    }
}

/// Position (in UTF-8 bytes) of the first character that is not Base58.
struct Base58Failure: Error {
    let position: Int
}
