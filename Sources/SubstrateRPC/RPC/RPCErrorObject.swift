/// The `error` member of a JSON-RPC 2.0 response: code, message, optional data.
///
/// Also the error a server-side handler throws to answer with a specific
/// code. Codes -32700...-32600 are JSON-RPC 2.0 §5.1; -32006...-32010 follow
/// jsonrpsee (the RPC server inside Substrate nodes) so clients written for
/// real nodes read our limits the same way.
public struct RPCErrorObject: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: Int
    public var message: String
    public var data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// -32700: the frame is not JSON.
    public static let parseErrorCode = -32700
    /// -32600: JSON, but not a valid request object.
    public static let invalidRequestCode = -32600
    /// -32601: no such method.
    public static let methodNotFoundCode = -32601
    /// -32602: the method exists but its params are wrong.
    public static let invalidParamsCode = -32602
    /// -32603: the server failed while handling a valid request.
    public static let internalErrorCode = -32603
    /// -32006: the connection holds the maximum number of subscriptions.
    public static let tooManySubscriptionsCode = -32006
    /// -32007: the request is larger than the server accepts.
    public static let oversizedRequestCode = -32007
    /// -32008: the response would be larger than the server sends.
    public static let oversizedResponseCode = -32008
    /// -32009: the server is busy (too many requests in flight).
    public static let serverBusyCode = -32009
    /// -32010: a batch holds more requests than the server accepts.
    public static let batchTooLargeCode = -32010

    public static func parseError(_ detail: String? = nil) -> RPCErrorObject {
        RPCErrorObject(code: parseErrorCode, message: "Parse error", data: detail.map { .string($0) })
    }

    public static func invalidRequest(_ detail: String? = nil) -> RPCErrorObject {
        RPCErrorObject(code: invalidRequestCode, message: "Invalid request", data: detail.map { .string($0) })
    }

    public static func methodNotFound(_ method: String) -> RPCErrorObject {
        RPCErrorObject(code: methodNotFoundCode, message: "Method not found", data: .string(method))
    }

    public static func invalidParams(_ detail: String) -> RPCErrorObject {
        RPCErrorObject(code: invalidParamsCode, message: "Invalid params", data: .string(detail))
    }

    public static func internalError(_ detail: String? = nil) -> RPCErrorObject {
        RPCErrorObject(code: internalErrorCode, message: "Internal error", data: detail.map { .string($0) })
    }

    public static func tooManySubscriptions(limit: Int) -> RPCErrorObject {
        RPCErrorObject(code: tooManySubscriptionsCode, message: "Too many subscriptions on the connection",
                       data: .string("limit is \(limit)"))
    }

    public static func oversizedRequest(limitBytes: Int) -> RPCErrorObject {
        RPCErrorObject(code: oversizedRequestCode, message: "Request is too big",
                       data: .string("limit is \(limitBytes) bytes"))
    }

    public static func oversizedResponse(limitBytes: Int) -> RPCErrorObject {
        RPCErrorObject(code: oversizedResponseCode, message: "Response is too big",
                       data: .string("limit is \(limitBytes) bytes"))
    }

    public static func serverBusy() -> RPCErrorObject {
        RPCErrorObject(code: serverBusyCode, message: "Server is busy, try again later")
    }

    public static func batchTooLarge(limit: Int) -> RPCErrorObject {
        RPCErrorObject(code: batchTooLargeCode, message: "The batch request was too large",
                       data: .string("limit is \(limit) requests"))
    }

    public var json: JSONValue {
        var o = JSONObject()
        o["code"] = .int(Int64(code))
        o["message"] = .string(message)
        if let data { o["data"] = data }
        return .object(o)
    }

    /// Reads an error object; `nil` when the shape is not `{code: int, message: string}`.
    public init?(json: JSONValue) {
        guard let code = json["code"]?.int64Value, let c = Int(exactly: code),
              let message = json["message"]?.stringValue else { return nil }
        self.init(code: c, message: message, data: json["data"])
    }

    public var description: String {
        if let data { return "RPC error \(code): \(message) (\(data.serialized().prefix(200)))" }
        return "RPC error \(code): \(message)"
    }
}
