import ArgumentParser
import Foundation

/// The khalatop command line: the dashboard (default) and its tools.
@main
struct Khalatop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "khalatop",
        abstract: "A terminal dashboard for Phala/Khala computation workers.",
        discussion: """
            With no subcommand, khalatop shows the dashboard. Subcommands are the \
            headless tools an operator scripts with.
            """,
        version: KhalatopVersion.string,
        subcommands: [
            DevnetCommand.self,
            AttestCommand.self,
            KeyCommand.self,
            StatusCommand.self,
            TxCommand.self,
            UIDemoCommand.self,
            DashboardPreviewCommand.self,
        ]
    )

    func run() async throws {
        // The dashboard lands with its issue; until then say so plainly.
        print("khalatop \(KhalatopVersion.string): the dashboard is not built yet; see `khalatop --help`.")
    }
}

/// The version printed by `--version`.
enum KhalatopVersion {
    static let string = "0.1.0-dev"
}
