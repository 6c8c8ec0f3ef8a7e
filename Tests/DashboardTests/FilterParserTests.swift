import Dashboard
import MiningCore
import Testing

@Suite struct FilterParserTests {
    @Test func examplesFromTheIssue() throws {
        #expect(try FilterParser.parse("state=unresponsive") == .term(.state(.equal, .workerUnresponsive)))
        #expect(try FilterParser.parse("pool=3") == .term(.pool(.equal, 3)))
        #expect(try FilterParser.parse("risk>=at-risk") == .term(.risk(.greaterOrEqual, .atRisk)))
        #expect(try FilterParser.parse("stake<5000") == .term(.stake(.less, stakePlanck: 5_000 * PHA.planckPerPHA)))
        #expect(try FilterParser.parse("state=unresponsive and stake>1000")
                == .and([.term(.state(.equal, .workerUnresponsive)), .term(.stake(.greater, stakePlanck: 1_000 * PHA.planckPerPHA))]))
        #expect(try FilterParser.parse("rig-0") == .term(.text("rig-0")))
        #expect(try FilterParser.parse("") == .all)
        #expect(try FilterParser.parse("   ") == .all)
    }

    @Test func spacingCaseAndSynonyms() throws {
        #expect(try FilterParser.parse("State = Computing") == .term(.state(.equal, .workerIdle)))
        #expect(try FilterParser.parse("state!=none") == .term(.state(.notEqual, nil)))
        #expect(try FilterParser.parse("risk > watch") == .term(.risk(.greater, .watch)))
        #expect(try FilterParser.parse("RISK>=AT_RISK") == .term(.risk(.greaterOrEqual, .atRisk)))
        #expect(try FilterParser.parse("stake>=1,000.5") == .term(.stake(.greaterOrEqual, stakePlanck: 1_000_500_000_000_000)))
        #expect(try FilterParser.parse("name=\"rig 01\"") == .term(.name(.equal, "rig 01")))
        #expect(try FilterParser.parse("reg=pending") == .term(.registration(.equal, .pending)))
    }

    @Test func booleanStructure() throws {
        let q = try FilterParser.parse("pool=1 or pool=3 and not state=ready")
        #expect(q == .or([.term(.pool(.equal, 1)),
                          .and([.term(.pool(.equal, 3)), .not(.term(.state(.equal, .ready)))])]))
        let p = try FilterParser.parse("(pool=1 or pool=3) rig")
        #expect(p == .and([.or([.term(.pool(.equal, 1)), .term(.pool(.equal, 3))]), .term(.text("rig"))]))
    }

    @Test func errorsNameThePosition() {
        func error(_ text: String) -> FilterError? {
            do { _ = try FilterParser.parse(text); return nil } catch { return error }
        }
        #expect(error("state=sleeping")?.position == 6)
        #expect(error("state=sleeping")?.message.contains("unknown state") == true)
        #expect(error("colour=red")?.position == 0)
        #expect(error("pool=x")?.position == 5)
        #expect(error("stake<lots")?.message.contains("PHA") == true)
        #expect(error("risk>=")?.position == 6)
        #expect(error("state<ready")?.message.contains("only = or !=") == true)
        #expect(error("(pool=1")?.message.contains("not closed") == true)
        #expect(error("pool=1)")?.position == 6)
        #expect(error("=3")?.position == 0)
        #expect(error("and pool=1") != nil)
        #expect(error("pool=1 and") != nil)
        #expect(error("pool=1 or or pool=2") != nil)
        #expect(error("name=\"open") != nil)
        #expect(error("a ! b") != nil)
        #expect(error(String(repeating: "(", count: 40) + "x" + String(repeating: ")", count: 40))?.message.contains("deeply") == true)
        #expect(error(String(repeating: "x", count: FilterParser.maxLength + 1)) != nil)
    }

    @Test func evaluationOnTheScriptedFleet() throws {
        let state = TestFleets.state()
        func matching(_ text: String) throws -> Set<WorkerKey> {
            let q = try FilterParser.parse(text)
            return Set(state.rows.filter { q.matches($0) }.map(\.key))
        }
        let key = ScriptedScenario.workerKey
        #expect(try matching("state=unresponsive") == [key(ScriptedScenario.unresponsiveIndex)])
        #expect(try matching("state=coolingdown") == [key(ScriptedScenario.coolingIndex)])
        #expect(try matching("reg=unregistered") == [key(ScriptedScenario.unregisteredIndex)])
        #expect(try matching("reg=pending") == [key(ScriptedScenario.benchmarkPendingIndex)])
        #expect(try matching("risk=at-risk") == [key(ScriptedScenario.flakyIndex)])
        let pool3 = try matching("pool=3")
        #expect(!pool3.isEmpty && pool3.allSatisfy { k in state.rows.first { $0.key == k }?.status.pid == 3 })
        #expect(try matching("pool=3 or not pool=3") == Set(state.rows.map(\.key)))
        #expect(try matching("rig-03") == [key(2)])
        #expect(try matching("0x575700003c6ef362") == [key(2)], "free text matches the key hex")
        let small = try matching("stake<3500 and state=computing")
        #expect(small.allSatisfy { k in (state.rows.first { $0.key == k }?.status.stakePlanck ?? 0) < 3_500 * PHA.planckPerPHA })
        #expect(!small.isEmpty)
    }

    /// Seeded fuzz: random token soup and random characters never trap; what
    /// parses also evaluates on every row.
    @Test func fuzz() {
        var rng = SplitMix(seed: 0xF117E5)
        let rows = TestFleets.state().rows
        let pieces = ["state", "pool", "risk", "stake", "name", "key", "reg", "=", "!=", "<", "<=", ">", ">=", "!", "(", ")",
                      "and", "or", "not", "unresponsive", "at-risk", "3", "5000", "1,000.5", "\"", "'", " ", "  ", "rig",
                      "日本", "é", "\u{0}", "\u{1b}", "-", "x", "99999999999999999999999", "0.0000000000001", "pending"]
        var parsed = 0
        for _ in 0..<4_000 {
            var text = ""
            for _ in 0..<Int(rng.next() % 12) {
                if rng.next() % 5 == 0 {
                    text.append(Character(Unicode.Scalar(UInt8(rng.next() % 128))))
                } else {
                    text += pieces[Int(rng.next() % UInt64(pieces.count))]
                }
            }
            do {
                let q = try FilterParser.parse(text)
                parsed += 1
                for row in rows { _ = q.matches(row) }
            } catch {
                #expect(error.position >= 0 && error.position <= text.count, "\(text.debugDescription): \(error)")
            }
        }
        #expect(parsed > 100, "the fuzz reaches valid queries too (\(parsed))")
    }
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
