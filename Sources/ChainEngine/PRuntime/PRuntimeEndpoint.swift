import Foundation

/// A pRuntime's HTTP endpoint: host, port and an optional path prefix
/// (`http://10.0.0.5:8000`, or `http://127.0.0.1:9955/workers/3` for one of the
/// devnet's simulated pRuntimes). Paths of the API are appended to the prefix.
public struct PRuntimeEndpoint: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    /// Empty or starting with `/`, without a trailing `/`.
    public var pathPrefix: String

    /// pRuntime's default API port.
    public static let defaultPort = 8000

    public init(host: String, port: Int, pathPrefix: String = "") {
        self.host = host
        self.port = port
        self.pathPrefix = pathPrefix
    }

    /// Parses `http://host[:port][/prefix]`; `https` is refused (pRuntime serves plain HTTP).
    public init(url: String) throws(PRuntimeError) {
        let text = url.trimmingCharacters(in: .whitespaces)
        guard text.lowercased().hasPrefix("http://") else { throw .invalidURL(url) }
        var rest = Substring(text.dropFirst("http://".count))
        var path = ""
        if let slash = rest.firstIndex(of: "/") {
            path = String(rest[slash...])
            rest = rest[..<slash]
        }
        if path.contains("?") || path.contains("#") { throw .invalidURL(url) }
        while path.hasSuffix("/") { path.removeLast() }
        var host: String
        var portText: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw .invalidURL(url) }
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .invalidURL(url) }
                portText = after.dropFirst()
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = String(rest[..<colon])
            portText = rest[rest.index(after: colon)...]
        } else {
            host = String(rest)
        }
        guard !host.isEmpty, !host.contains("@"), host.allSatisfy({ !$0.isWhitespace }) else { throw .invalidURL(url) }
        var port = Self.defaultPort
        if let portText {
            guard let p = Int(portText), (1...65535).contains(p) else { throw .invalidURL(url) }
            port = p
        }
        self.init(host: host, port: port, pathPrefix: path)
    }

    /// The full request path for an API path such as `/info`.
    public func path(_ apiPath: String) -> String { pathPrefix + apiPath }

    public var description: String {
        let h = host.contains(":") ? "[\(host)]" : host
        return "http://\(h):\(port)\(pathPrefix)"
    }
}
