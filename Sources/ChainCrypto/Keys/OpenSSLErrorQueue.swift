import COpenSSL

/// Reads and clears OpenSSL's thread-local error queue, so a failure can be
/// reported by reason (OpenSSL reasons never contain key material).
enum OpenSSLErrorQueue {
    /// The queued reasons joined by "; ", or `fallback` when the queue is empty.
    static func drain(fallback: String) -> String {
        var reasons: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var text = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &text, text.count)
            let reason = text.withUnsafeBufferPointer { ptr in
                String(decoding: ptr.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            reasons.append(reason)
        }
        return reasons.isEmpty ? fallback : reasons.joined(separator: "; ")
    }
}
