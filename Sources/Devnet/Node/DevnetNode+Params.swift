import ChainCrypto
import Scale
import SubstrateRPC

/// Positional JSON-RPC params, read with errors a client can act on (-32602).
struct RPCParams {
    let list: [JSONValue]

    init(_ params: JSONValue?) {
        if case .array(let a)? = params { list = a } else { list = [] }
    }

    func at(_ i: Int) -> JSONValue? {
        guard i < list.count, !list[i].isNull else { return nil }
        return list[i]
    }

    func bytes(_ i: Int) throws -> [UInt8] {
        guard let v = at(i) else { throw RPCErrorObject.invalidParams("missing param \(i)") }
        return try hexParam(v, i)
    }

    func optionalBytes(_ i: Int) throws -> [UInt8]? { try at(i).map { try hexParam($0, i) } }

    func optionalNumber(_ i: Int) throws -> UInt64? {
        guard let v = at(i) else { return nil }
        do { return try v.numberOrHex(field: "param \(i)") } catch { throw RPCErrorObject.invalidParams("\(error)") }
    }

    /// An SS58 address or a 0x hex public key.
    func account(_ i: Int) throws -> [UInt8] {
        guard case .string(let s)? = at(i) else { throw RPCErrorObject.invalidParams("param \(i): expected an address") }
        if s.hasPrefix("0x") {
            let b = try hexParam(.string(s), i)
            guard b.count == 32 else { throw RPCErrorObject.invalidParams("param \(i): expected 32 bytes") }
            return b
        }
        do { return try SS58.decode(s).publicKey } catch { throw RPCErrorObject.invalidParams("param \(i): \(error)") }
    }

    private func hexParam(_ v: JSONValue, _ i: Int) throws -> [UInt8] {
        do { return try v.hexBytes(field: "param \(i)") } catch { throw RPCErrorObject.invalidParams("\(error)") }
    }
}

func bytes(_ v: JSONValue) throws -> [UInt8] {
    do { return try v.hexBytes(field: "key") } catch { throw RPCErrorObject.invalidParams("\(error)") }
}

extension DevnetNode {
    /// The block a param names (hash), or the head when absent; nil for an unknown hash.
    func block(_ p: RPCParams, _ i: Int) throws -> SealedBlock? {
        guard let hash = try p.optionalBytes(i) else { return chain.head }
        return chain.block(hash: hash)
    }

    /// The (number, hash) whose state a query reads; unknown or pruned hashes
    /// get the error a pruned node gives.
    func stateBlock(_ p: RPCParams, _ i: Int) throws -> (number: UInt32, hash: [UInt8]) {
        guard let hash = try p.optionalBytes(i) else { return (chain.headNumber, chain.head.hash) }
        guard let block = chain.block(hash: hash) else {
            throw RPCErrorObject(code: 4003, message: "Client error: UnknownBlock: Header was not found in the database: \(RPCHex.encode(hash))")
        }
        return (block.header.number, hash)
    }

    func readStorage(_ key: [UInt8], at: (number: UInt32, hash: [UInt8])) throws -> [UInt8]? {
        do { return try chain.storage(key, at: at.number) } catch { throw Self.discarded(at.hash) }
    }

    static func discarded(_ hash: [UInt8]) -> RPCErrorObject {
        RPCErrorObject(code: 4003, message: "Client error: UnknownBlock: State already discarded for \(RPCHex.encode(hash))")
    }

    func runtimeVersionJSON(_ runtime: DevnetRuntime) -> JSONValue {
        let v = runtime.version
        return RPCRuntimeVersion(specName: v.specName, implName: v.implName, authoringVersion: v.authoringVersion,
                                 specVersion: v.specVersion, implVersion: v.implVersion,
                                 apis: v.apis.map { .init(id: $0.id, version: $0.version) },
                                 transactionVersion: v.transactionVersion, stateVersion: v.stateVersion).json
    }

    /// `state_call`: `TransactionPaymentApi_query_info(extrinsic, len)` →
    /// `RuntimeDispatchInfo {weight, class, partial_fee}`; `Metadata_metadata`;
    /// `Core_version`; `AccountNonceApi_account_nonce(account)` → `u32`.
    func stateCall(_ p: RPCParams) throws -> JSONValue {
        guard case .string(let name)? = p.at(0) else { throw RPCErrorObject.invalidParams("param 0: runtime API method") }
        let data = try p.optionalBytes(1) ?? []
        let runtime = chain.runtime(atBlock: try stateBlock(p, 2).number)
        switch name {
        case "TransactionPaymentApi_query_info":
            guard data.count >= 4 else { throw RPCErrorObject.invalidParams("expected extrinsic ‖ u32 length") }
            let length = Int(data.suffix(4).reversed().reduce(0) { $0 << 8 | UInt32($1) })
            var e = ScaleEncoder()
            DispatchInfo.normal.weightOnly(to: &e)
            e.appendByte(0)  // DispatchClass::Normal
            e.encode(DevnetChain.partialFee(length: length))
            return .hex(e.bytes)
        case "AccountNonceApi_account_nonce":
            guard data.count == 32 else { throw RPCErrorObject.invalidParams("expected a 32-byte account id") }
            return .hex(scaleEncoded(chain.state.accounts[data]?.nonce ?? 0))
        case "Metadata_metadata":
            return .hex(runtime.opaqueMetadata)
        case "Core_version":
            return .hex(runtime.version.encoded)
        default:
            throw RPCErrorObject(code: 4003, message: "Client error: Execution failed: Other(\"Exported method \(name) is not found\")")
        }
    }
}

extension DispatchInfo {
    /// `Weight {ref_time: Compact<u64>, proof_size: Compact<u64>}`.
    func weightOnly(to e: inout ScaleEncoder) {
        e.encodeCompact(refTime); e.encodeCompact(proofSize)
    }
}
