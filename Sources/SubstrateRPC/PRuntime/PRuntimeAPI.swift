/// The pRuntime HTTP API paths khalatop uses, as pRuntime serves them
/// (PB standalone/pruntime/src/api_server.rs):
///
/// - `GET /info`: `PhactoryInfo` as JSON (snake_case field names, bytes as hex);
/// - `POST /prpc/PhactoryAPI.<Method>`: prpc, protobuf request and response by
///   default; JSON both ways when the URL has `?json` or the request's
///   `Content-Type` is JSON (bytes fields then travel as `"0x…"` hex strings,
///   prpc's `bytes_as_hex_str`). A failed call answers a non-2xx status with a
///   `PrpcError {string message = 1}` body (JSON: `{"error": "..."}`).
///
/// pRuntime caps request bodies per method (GetRuntimeInfo: 1 KiB); responses
/// are small (the registration material is a few KiB with an IAS report, ~15 KiB
/// with DCAP collateral).
public enum PRuntimeAPI {
    public static let infoPath = "/info"
    public static let prpcPrefix = "/prpc/"
    public static let getInfoMethod = "PhactoryAPI.GetInfo"
    public static let getRuntimeInfoMethod = "PhactoryAPI.GetRuntimeInfo"

    /// `/prpc/<method>`, with `?json` for the JSON variant.
    public static func prpcPath(_ method: String, json: Bool) -> String {
        prpcPrefix + method + (json ? "?json" : "")
    }
}

/// `PrpcError {string message = 1}`: the body of a failed prpc call.
public struct PrpcErrorMessage: Sendable, Equatable {
    public var message: String

    public init(message: String) { self.message = message }

    public var protobuf: [UInt8] {
        var w = ProtobufWriter()
        w.string(1, message)
        return w.bytes
    }

    public var json: JSONValue { .object(["error": .string(message)]) }

    /// The message of an error body in either form; nil when it is neither.
    public static func decode(_ body: [UInt8]) -> String? {
        if let value = try? JSONParser.parse(body, limits: .default), let text = value["error"]?.stringValue {
            return text
        }
        guard let fields = try? ProtobufReader.fields(of: body), !fields.isEmpty else { return nil }
        return fields.first { $0.number == 1 }.flatMap { try? $0.string() }
    }
}
