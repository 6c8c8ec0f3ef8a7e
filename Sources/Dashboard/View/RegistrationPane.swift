import MiningCore
import TermUI

/// The selected worker's registry entry and why it cannot compute, if it
/// cannot (PROTOCOL.md §1.1, §2; OPERATORS.md needs 7 and 12).
public enum RegistrationPane {
    /// `showsPRuntime` false leaves out the pRuntime line (the detail view shows it above the panes, full width).
    public static func render(_ state: AppState, in area: Rect, focused: Bool, showsPRuntime: Bool = true,
                              buffer: inout Buffer) {
        let inner = Screen.frame(PaneID.registration.title, in: area, focused: focused, buffer: &buffer)
        guard !inner.isEmpty else { return }
        guard let row = state.selectedRow else {
            buffer.setText("no worker selected", in: inner, role: .textDim)
            return
        }
        lines(row, pruntime: showsPRuntime ? state.pruntimeLine(for: row.status.key) : nil, glyphs: buffer.glyphs).render(in: inner, buffer: &buffer)
    }

    static func lines(_ row: WorkerRow, pruntime: (text: String, role: StyleRole)? = nil, glyphs: GlyphSet) -> Lines {
        var l = Lines()
        let s = row.status
        l.add("worker", row.name.isEmpty ? Format.shortKey(s.key) : "\(row.name)  \(Format.shortKey(s.key))", .textEmphasis)
        // Second, so a short pane still shows it (issue 8: the pRuntime's sync heights).
        if let pruntime { l.add("", Format.glyphSafe(pruntime.text, glyphs), pruntime.role) }
        switch s.registration {
        case .notLoaded:
            l.add("registered", "not read yet", .textDim)
        case .unknownToChain:
            l.add("registered", "no: not in PhalaRegistry.Workers", .textError)
        case .registered(let r):
            let provider = r.provider.map { "\($0)" } ?? "none"
            let confidence = r.confidenceLevel == 128 ? "none" : "\(r.confidenceLevel)"
            l.add("provider", "\(provider), confidence \(confidence)")
            l.add("runtime", "version \(r.runtimeVersion)")
            l.add("updated", r.lastUpdatedAgeSec.map { Format.duration(seconds: $0) + " ago" } ?? "unix \(r.lastUpdatedSec)")
            switch r.benchmark {
            case .pending: l.add("init score", "pending (no benchmark report yet)", .textWarning)
            case .scored(let score):
                let low = score < ChainConstants.minInitialScore
                l.add("init score", "\(score)" + (low ? " (below \(ChainConstants.minInitialScore))" : ""), low ? .textError : .text)
            }
            if let p = s.pInstant { l.add("P instant", "\(p)") }
        }
        if s.notReadyReasons.isEmpty {
            l.add("compute", s.state?.isComputing == true ? "computing" : (s.isReadyToCompute ? "ready to start" : "-"),
                  s.state?.isComputing == true ? .textOK : .text)
        } else {
            for (i, reason) in s.notReadyReasons.enumerated() {
                if case .alreadyComputing = reason {
                    l.add(i == 0 ? "compute" : "", "computing", .textOK)
                } else {
                    l.add(i == 0 ? "cannot" : "", Format.glyphSafe(reason.description, glyphs), .textWarning)
                }
            }
        }
        return l
    }
}
