import Scale

/// The metadata of the devnet's upgraded runtime: Khala 1251 plus the DCAP
/// changes later Phala runtimes made (PROTOCOL.md §1.6, PB `33a6064a`):
/// `AttestationProvider` gains `Dcap` (2), `AttestationReport` gains
/// `SgxDcap {quote, collateral: Option<Collateral>}`, and the registry's
/// `Error` gains `InvalidDCAPQuote` inserted at 13 (shifting every later
/// index) and `UnsupportedAttestationType` at the end. `System.Version`
/// carries the new spec version.
///
/// Derived in code from the 1251 tables (no later metadata blob exists in
/// the fixtures); new types are appended, so every 1251 type id keeps its
/// meaning. The type paths of the DCAP collateral types are assumed.
extension DevnetMetadata {
    /// `base` with the DCAP changes (idempotent) and `System.Version` = `version`.
    static func withDcap(_ base: RuntimeMetadataV14, version: DevnetRuntimeVersion) -> RuntimeMetadataV14 {
        var md = base
        var types = md.registry.types
        func position(_ path: String) -> Int? { types.firstIndex { $0.path.joined(separator: "::") == path } }
        func firstId(_ def: TypeDef) -> UInt32? { types.first { $0.def == def }?.id }
        func append(_ path: [String], _ def: TypeDef) -> UInt32 {
            let id = UInt32(types.count)
            types.append(PortableType(id: id, path: path, params: [], def: def, docs: []))
            return id
        }

        if let p = position("phala_types::AttestationProvider"), case .variant(var vs) = types[p].def,
           !vs.contains(where: { $0.name == "Dcap" }) {
            vs.append(v("Dcap", 2))
            types[p].def = .variant(vs)
        }
        if let p = position("phala_types::AttestationReport"), case .variant(var vs) = types[p].def,
           !vs.contains(where: { $0.name == "SgxDcap" }),
           let str = firstId(.primitive(.str)), let u8 = firstId(.primitive(.u8)), let bytes = firstId(.sequence(u8)) {
            let collateral = append(["sgx_attestation", "dcap", "SgxV30QuoteCollateral"], .composite([
                f("pck_crl_issuer_chain", str, "String"), f("root_ca_crl", str, "String"), f("pck_crl", str, "String"),
                f("tcb_info_issuer_chain", str, "String"), f("tcb_info", str, "String"),
                f("tcb_info_signature", bytes, "Vec<u8>"), f("qe_identity_issuer_chain", str, "String"),
                f("qe_identity", str, "String"), f("qe_identity_signature", bytes, "Vec<u8>"),
            ]))
            let wrapper = append(["phala_types", "Collateral"], .variant([v("SgxV30", 0, [f(nil, collateral, "SgxV30QuoteCollateral")])]))
            let option = UInt32(types.count)
            types.append(PortableType(id: option, path: ["Option"], params: [TypeParameter(name: "T", type: wrapper)],
                                      def: .variant([v("None", 0), v("Some", 1, [f(nil, wrapper)])]), docs: []))
            vs.append(v("SgxDcap", 1, [f("quote", bytes, "Vec<u8>"), f("collateral", option, "Option<Collateral>")]))
            types[p].def = .variant(vs)
        }
        if let errorType = md.pallet(named: "PhalaRegistry")?.errorType,
           let p = types.firstIndex(where: { $0.id == errorType }), case .variant(var vs) = types[p].def,
           !vs.contains(where: { $0.name == "InvalidDCAPQuote" }) {
            for k in vs.indices where vs[k].index >= 13 { vs[k].index += 1 }
            vs.append(v("InvalidDCAPQuote", 13))
            vs.sort { $0.index < $1.index }
            vs.append(v("UnsupportedAttestationType", (vs.last?.index ?? 38) + 1))
            types[p].def = .variant(vs)
        }
        md.registry = PortableRegistry(types: types)

        if let s = md.pallets.firstIndex(where: { $0.name == "System" }),
           let c = md.pallets[s].constants.firstIndex(where: { $0.name == "Version" }) {
            md.pallets[s].constants[c].value = version.encoded
        }
        return md
    }
}
