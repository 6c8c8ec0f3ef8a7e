import SubstrateRPC

/// Why talking to a pRuntime failed, worded so an operator knows where to look
/// (issue 8). Never carries key material: pRuntime's HTTP API holds none.
public enum PRuntimeError: Error, Sendable, Equatable {
    /// The endpoint is not an `http://host[:port][/prefix]` URL.
    case invalidURL(String)
    /// TCP connect failed (refused, unreachable, DNS).
    case connectFailed(endpoint: String, reason: String)
    /// No complete answer within the time allowed (`what` names the request).
    case timedOut(what: String, seconds: Double)
    /// The response body (or head) exceeded the limit; the connection was cut.
    case responseTooLarge(what: String, limitBytes: Int)
    /// The connection closed before the response was complete.
    case connectionClosed(what: String)
    /// A non-2xx status; `message` is pRuntime's prpc error text when it sent one.
    case httpStatus(what: String, code: Int, message: String?)
    /// The body is not the message pRuntime should send.
    case malformedResponse(what: String, PRuntimeWireError)
    /// pRuntime answered but has no attestation to offer yet (not synced, or not initialised).
    case noAttestation(String)
}

extension PRuntimeError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidURL(let url):
            return "\(url) is not a pRuntime endpoint: expected http://host[:port][/prefix] (pRuntime serves plain HTTP, default port 8000)"
        case let .connectFailed(endpoint, reason):
            return "cannot connect to pRuntime at \(endpoint): \(reason); is it running and is the port reachable?"
        case let .timedOut(what, seconds):
            return "\(what): no complete answer within \(seconds) s"
        case let .responseTooLarge(what, limit):
            return "\(what): the response is larger than \(limit) bytes; this is not a pRuntime answer"
        case .connectionClosed(let what):
            return "\(what): the connection closed before the response was complete"
        case let .httpStatus(what, code, message):
            return "\(what): HTTP \(code)" + (message.map { ": \($0)" } ?? "")
        case let .malformedResponse(what, error):
            return "\(what): \(error)"
        case .noAttestation(let why):
            return why
        }
    }
}
