import ArgumentParser
import Foundation

/// The khalatop command line: the dashboard (default) and its tools.
@main
struct Khalatop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "khalatop",
        abstract: "A terminal dashboard for Phala/Khala computation workers.",
        discussion: """
            With no subcommand, khalatop shows the dashboard: on the embedded devnet \
            (simulated data, said on screen) or, with --rpc and --pool/--operator/--worker, \
            on a real node. Logs go to $XDG_STATE_HOME/khalatop/khalatop.log. Subcommands \
            are the headless tools an operator scripts with.
            """,
        version: KhalatopVersion.string,
        subcommands: [
            DashboardCommand.self,
            DevnetCommand.self,
            AttestCommand.self,
            KeyCommand.self,
            StatusCommand.self,
            TxCommand.self,
            PRuntimeCommand.self,
            UIDemoCommand.self,
            DashboardPreviewCommand.self,
        ],
        // The dashboard's own flags (--pool...) live on a default subcommand, not on the root:
        // root options would also capture the subcommands' same-named ones (`tx start --pool`).
        defaultSubcommand: DashboardCommand.self
    )
}

/// The version printed by `--version`.
enum KhalatopVersion {
    static let string = "0.1.0-dev"
}
