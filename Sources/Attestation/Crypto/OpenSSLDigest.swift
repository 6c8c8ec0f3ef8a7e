import COpenSSL

/// SHA-256 through OpenSSL (quote QE hash, certificate fingerprints; §5.4).
enum OpenSSLDigest {
    static func sha256(_ data: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        data.withUnsafeBufferPointer { buf in
            out.withUnsafeMutableBufferPointer { o in
                _ = SHA256(buf.baseAddress, buf.count, o.baseAddress)
            }
        }
        return out
    }
}
