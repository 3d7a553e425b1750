/// The one outcome every message ends in, and the IMAP folder it is moved to (DESIGN.md,
/// "Messages in").
public enum Outcome: String, Sendable, CaseIterable, Codable {
    /// A stored application or a DSHR command.
    case processed
    /// Refused with a reply to the sender.
    case rejected
    /// Auto-generated mail: never answered.
    case ignored
    /// Bounces, spoofed mail, questions without an application: DSHR is told, the sender is not answered.
    case reported

    public var folder: String {
        switch self {
        case .processed: "Processed"
        case .rejected: "Rejected"
        case .ignored: "Ignored"
        case .reported: "Reported"
        }
    }
}
