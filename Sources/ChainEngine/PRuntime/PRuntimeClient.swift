import Attestation
import NIOHTTP1
import SubstrateRPC

/// Reads a worker's pRuntime over its HTTP API (issue 8, "Register from the
/// worker's pRuntime"): `GET /info` for its status and
/// `POST /prpc/PhactoryAPI.GetRuntimeInfo` for its registration material.
///
/// Wire formats are the real pRuntime's (see `PRuntimeAPI`): `/info` is JSON;
/// prpc calls go as protobuf by default (what pherry and prb send) or as JSON
/// (`?json`) with `wireFormat = .json`. Every call has a deadline and a size
/// cap, and bad answers are typed errors.
///
/// ```swift
/// let client = try PRuntimeClient(url: "http://10.0.0.5:8000")
/// let info = try await client.info()                  // sync heights, registered?, dev mode
/// let material = try await client.registrationMaterial()
/// let verdict = material.verify(atUnixSeconds: now, rules: .khala())
/// if verdict.isAccepted { submit(material.actionCall) }
/// ```
public struct PRuntimeClient: Sendable {
    /// How prpc calls travel: protobuf (pRuntime's default, what pherry/prb send) or JSON (`?json`).
    public enum WireFormat: Sendable, Equatable { case protobuf, json }

    /// Deadlines, size caps and wire format of every call.
    public struct Configuration: Sendable, Equatable {
        /// Deadline for a whole request (connect, send, answer).
        public var timeoutSeconds: Double
        /// Largest `/info` body accepted (pRuntime's is ~1.5 KiB).
        public var maxInfoBytes: Int
        /// Largest `GetRuntimeInfo` body accepted (IAS ~5 KiB, DCAP with collateral ~20 KiB).
        public var maxRuntimeInfoBytes: Int
        public var wireFormat: WireFormat

        public init(timeoutSeconds: Double = 10, maxInfoBytes: Int = 64 << 10, maxRuntimeInfoBytes: Int = 1 << 20,
                    wireFormat: WireFormat = .protobuf) {
            self.timeoutSeconds = timeoutSeconds
            self.maxInfoBytes = maxInfoBytes
            self.maxRuntimeInfoBytes = maxRuntimeInfoBytes
            self.wireFormat = wireFormat
        }
    }

    public let endpoint: PRuntimeEndpoint
    public var configuration: Configuration

    public init(endpoint: PRuntimeEndpoint, configuration: Configuration = Configuration()) {
        self.endpoint = endpoint
        self.configuration = configuration
    }

    public init(url: String, configuration: Configuration = Configuration()) throws(PRuntimeError) {
        self.init(endpoint: try PRuntimeEndpoint(url: url), configuration: configuration)
    }

    /// `GET /info`: the pRuntime's status. pRuntimes older than the `/info`
    /// route answer 404 there; they are asked `PhactoryAPI.GetInfo?json`
    /// instead, which returns the same `PhactoryInfo` JSON.
    public func info() async throws(PRuntimeError) -> PRuntimeInfo {
        var what = "pRuntime \(endpoint) GET /info"
        var response = try await exchange(maxBytes: configuration.maxInfoBytes)
            .perform(method: .GET, path: endpoint.path(PRuntimeAPI.infoPath), what: what)
        if response.status == 404 {
            what = "pRuntime \(endpoint) \(PRuntimeAPI.getInfoMethod)"
            response = try await exchange(maxBytes: configuration.maxInfoBytes).perform(
                method: .POST, path: endpoint.path(PRuntimeAPI.prpcPath(PRuntimeAPI.getInfoMethod, json: true)),
                contentType: "application/json", body: Array("{}".utf8), what: what)
        }
        try Self.checkStatus(response, what: what)
        do {
            return try PRuntimeInfo(json: response.body)
        } catch {
            throw .malformedResponse(what: what, error)
        }
    }

    /// `PhactoryAPI.GetRuntimeInfo`: the registration material.
    /// - Parameters:
    ///   - forceRefreshRA: have pRuntime make a fresh attestation (it caches one for an hour).
    ///   - operatorAccount: set the worker's operator (32-byte AccountId); pRuntime re-encodes
    ///     the registration info with it and attests afresh. It must be the pool owner for `add_worker`.
    public func runtimeInfo(forceRefreshRA: Bool = false,
                            operatorAccount: [UInt8]? = nil) async throws(PRuntimeError) -> InitRuntimeResponse {
        let json = configuration.wireFormat == .json
        let what = "pRuntime \(endpoint) \(PRuntimeAPI.getRuntimeInfoMethod)"
        let request = GetRuntimeInfoRequest(forceRefreshRA: forceRefreshRA, encodedOperator: operatorAccount)
        let response = try await exchange(maxBytes: configuration.maxRuntimeInfoBytes).perform(
            method: .POST, path: endpoint.path(PRuntimeAPI.prpcPath(PRuntimeAPI.getRuntimeInfoMethod, json: json)),
            contentType: json ? "application/json" : "application/octet-stream",
            body: json ? request.json.serializedBytes() : request.protobuf, what: what)
        try Self.checkStatus(response, what: what)
        do {
            return json ? try InitRuntimeResponse(json: response.body) : try InitRuntimeResponse(protobuf: response.body)
        } catch {
            throw .malformedResponse(what: what, error)
        }
    }

    /// `GetRuntimeInfo`, checked to carry an attestation, as the material `register_worker_v2` takes.
    public func registrationMaterial(forceRefreshRA: Bool = false,
                                     operatorAccount: [UInt8]? = nil) async throws(PRuntimeError) -> RegistrationMaterial {
        let response = try await runtimeInfo(forceRefreshRA: forceRefreshRA, operatorAccount: operatorAccount)
        return try RegistrationMaterial(response: response, endpoint: endpoint)
    }

    func exchange(maxBytes: Int) -> HTTPExchange {
        HTTPExchange(endpoint: endpoint, timeoutSeconds: configuration.timeoutSeconds, maxResponseBytes: maxBytes)
    }

    static func checkStatus(_ response: HTTPExchange.Response, what: String) throws(PRuntimeError) {
        guard (200..<300).contains(response.status) else {
            let message = PrpcErrorMessage.decode(response.body).map { String($0.prefix(300)) }
            throw .httpStatus(what: what, code: response.status, message: message)
        }
    }
}
