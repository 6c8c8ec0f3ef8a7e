import Scale

/// The synthetic runtime of `../shared/tools/devnet_meta.py` (System pallet
/// index 0, `remark` call index 0, the eight signed extensions), built in
/// code with the same type ids, so the `extrinsic_v4` reference vector can
/// be reproduced without Python.
enum SyntheticMetadata {
    static func build() -> RuntimeMetadataV14 {
        var types: [PortableType] = []
        func t(_ def: TypeDef) -> UInt32 { t([], def) }
        func t(_ path: [String], _ def: TypeDef, params: [TypeParameter] = []) -> UInt32 {
            types.append(PortableType(id: UInt32(types.count), path: path, params: params, def: def, docs: []))
            return UInt32(types.count - 1)
        }
        func f(_ type: UInt32, _ name: String? = nil) -> TypeField { TypeField(name: name, type: type, typeName: nil, docs: []) }
        func v(_ name: String, _ index: UInt8, _ fields: [TypeField]) -> TypeVariant {
            TypeVariant(name: name, fields: fields, index: index, docs: [])
        }
        let u8 = t(.primitive(.u8)), _ = t(.primitive(.u16)), u32 = t(.primitive(.u32))
        _ = t(.primitive(.u64))
        let u128 = t(.primitive(.u128)), unit = t(.tuple([]))
        let a20 = t(.array(length: 20, element: u8)), a32 = t(.array(length: 32, element: u8))
        let a64 = t(.array(length: 64, element: u8)), a65 = t(.array(length: 65, element: u8))
        let bytes = t(.sequence(u8)), cU32 = t(.compact(u32)), cU128 = t(.compact(u128)), cUnit = t(.compact(unit))
        let account = t(["sp_core", "crypto", "AccountId32"], .composite([f(a32)]))
        let h256 = t(["primitive_types", "H256"], .composite([f(a32)]))
        let flags = t(["pallet_balances", "types", "ExtraFlags"], .composite([f(u128)]))
        let data = t(["pallet_balances", "types", "AccountData"],
                     .composite([f(u128, "free"), f(u128, "reserved"), f(u128, "frozen"), f(flags, "flags")]))
        _ = t(["frame_system", "AccountInfo"], .composite([f(u32, "nonce"), f(u32, "consumers"), f(u32, "providers"),
                                                          f(u32, "sufficients"), f(data, "data")]))
        let systemCall = t(["frame_system", "pallet", "Call"],
                           .variant([v("remark", 0, [f(bytes, "remark")]), v("remark_with_event", 7, [f(bytes, "remark")])]))
        let runtimeCall = t(["devnet_runtime", "RuntimeCall"], .variant([v("System", 0, [f(systemCall)])]))
        let multiAddress = t(["sp_runtime", "multiaddress", "MultiAddress"],
                             .variant([v("Id", 0, [f(account)]), v("Index", 1, [f(cUnit)]), v("Raw", 2, [f(bytes)]),
                                       v("Address32", 3, [f(a32)]), v("Address20", 4, [f(a20)])]))
        let sigEd = t(["sp_core", "ed25519", "Signature"], .composite([f(a64)]))
        let sigSr = t(["sp_core", "sr25519", "Signature"], .composite([f(a64)]))
        let sigEc = t(["sp_core", "ecdsa", "Signature"], .composite([f(a65)]))
        let multiSig = t(["sp_runtime", "MultiSignature"],
                         .variant([v("Ed25519", 0, [f(sigEd)]), v("Sr25519", 1, [f(sigSr)]), v("Ecdsa", 2, [f(sigEc)])]))
        let era = t(["sp_runtime", "generic", "era", "Era"],
                    .variant([v("Immortal", 0, [])] + (1...255).map { v("Mortal\($0)", UInt8($0), [f(u8)]) }))
        var ext: [(String, UInt32)] = []
        for (name, fields) in [("CheckNonZeroSender", [TypeField]()), ("CheckSpecVersion", []), ("CheckTxVersion", []),
                               ("CheckGenesis", []), ("CheckMortality", [f(era)]), ("CheckNonce", [f(cU32)]), ("CheckWeight", [])] {
            ext.append((name, t(["frame_system", "extensions", "x", name], .composite(fields))))
        }
        ext.append(("ChargeTransactionPayment", t(["pallet_transaction_payment", "ChargeTransactionPayment"], .composite([f(cU128)]))))
        let extra = t(.tuple(ext.map(\.1)))
        let uxt = t(["sp_runtime", "generic", "unchecked_extrinsic", "UncheckedExtrinsic"], .composite([f(bytes)]),
                    params: [TypeParameter(name: "Address", type: multiAddress), TypeParameter(name: "Call", type: runtimeCall),
                             TypeParameter(name: "Signature", type: multiSig), TypeParameter(name: "Extra", type: extra)])
        let additional: [String: UInt32] = ["CheckSpecVersion": u32, "CheckTxVersion": u32, "CheckGenesis": h256, "CheckMortality": h256]
        let system = PalletMetadata(name: "System", storage: nil, callType: systemCall, eventType: nil, constants: [],
                                    errorType: nil, index: 0)
        let extrinsic = ExtrinsicMetadata(type: uxt, version: 4, signedExtensions: ext.map {
            SignedExtensionMetadata(identifier: $0.0, type: $0.1, additionalSigned: additional[$0.0] ?? unit)
        })
        return RuntimeMetadataV14(registry: PortableRegistry(types: types), pallets: [system], extrinsic: extrinsic,
                                  runtimeType: runtimeCall)
    }
}
