import Foundation

/// Intel's TCB info (v3 JSON) for one FMSPC: which platform patch levels have
/// which status and advisories (§5.4).
public struct TCBInfo: Sendable, Equatable, Decodable {
    public var version: Int
    public var issueDate: String
    public var nextUpdate: String
    /// 12 hex digits.
    public var fmspc: String
    public var pceId: String
    public var tcbLevels: [TCBLevel]

    /// One row of the TCB table: the minimum SVNs and the status they earn.
    public struct TCBLevel: Sendable, Equatable, Decodable {
        public var tcb: TCB
        public var tcbDate: String?
        public var tcbStatus: String
        public var advisoryIDs: [String]?
    }

    /// The minimum SVNs of a level: 16 CPU SVN components and the PCE SVN.
    public struct TCB: Sendable, Equatable, Decodable {
        public var sgxtcbcomponents: [Component]
        public var pcesvn: UInt16
    }

    /// One CPU SVN component.
    public struct Component: Sendable, Equatable, Decodable {
        public var svn: UInt8
    }

    public init(json: String) throws(AttestationError) {
        do {
            self = try JSONDecoder().decode(TCBInfo.self, from: Data(json.utf8))
        } catch let DecodingError.keyNotFound(key, _) {
            throw .malformed(what: "TCB info: required field \(key.stringValue) missing")
        } catch {
            throw .malformed(what: "TCB info: not the v3 JSON layout")
        }
        for (index, level) in tcbLevels.enumerated() where level.tcb.sgxtcbcomponents.count != 16 {
            throw .malformed(what: "TCB info: level \(index) has \(level.tcb.sgxtcbcomponents.count) SVN components, expected 16")
        }
    }

    /// `nextUpdate` in unix seconds.
    public func nextUpdateUnixSeconds() throws(AttestationError) -> Int64 {
        guard let t = UnixTime.parseRFC3339(nextUpdate) else {
            throw .malformed(what: "TCB info: nextUpdate \"\(nextUpdate)\" is not RFC 3339")
        }
        return t
    }

    /// FMSPC as 6 bytes.
    public func fmspcBytes() throws(AttestationError) -> [UInt8] {
        let digits = Array(fmspc.utf8)
        guard digits.count == 12 else { throw .malformed(what: "TCB info: fmspc \"\(fmspc)\" is not 12 hex digits") }
        var out: [UInt8] = []
        for i in stride(from: 0, to: 12, by: 2) {
            guard let v = UInt8(String(decoding: digits[i..<(i + 2)], as: UTF8.self), radix: 16) else {
                throw .malformed(what: "TCB info: fmspc \"\(fmspc)\" is not hex")
            }
            out.append(v)
        }
        return out
    }

    /// The first level whose PCE SVN and all 16 CPU SVN components are at or
    /// below the platform's (Intel's matching rule; upstream compares only 15).
    public func matchingLevel(pceSvn: UInt16, cpuSvn: [UInt8]) -> TCBLevel? {
        guard cpuSvn.count == 16 else { return nil }
        return tcbLevels.first { level in
            level.tcb.pcesvn <= pceSvn
                && zip(level.tcb.sgxtcbcomponents, cpuSvn).allSatisfy { $0.svn <= $1 }
        }
    }
}
