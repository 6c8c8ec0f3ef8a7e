import TermUI

/// One row of the key table: the keys, how the help overlay and footer name
/// them, the command and what it does in words.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    /// How the keys are shown ("j/↓").
    public var keyLabel: String
    public var command: Command
    /// One line for the help overlay.
    public var help: String
    /// Short label for the footer; nil keeps the binding out of the footer.
    public var footer: String?

    public init(_ keys: [Key], _ keyLabel: String, _ command: Command, help: String, footer: String? = nil) {
        self.keys = keys
        self.keyLabel = keyLabel
        self.command = command
        self.help = help
        self.footer = footer
    }
}
