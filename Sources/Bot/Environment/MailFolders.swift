import Config
import Intake
import Mail

/// The folders the bot files mail into, as this server names them (found once per IMAP
/// session by `BotRunner`), and whether the server keeps its own copies of what is sent.
struct MailFolders: Sendable, Equatable {
    /// Where new mail arrives (`imap.mailbox`).
    var inbox: String
    /// The Sent folder: the one marked `\Sent`, else `imap.sent_folder`.
    var sent: String
    var processed: String
    var rejected: String
    var ignored: String
    var reported: String
    /// True when the server files a copy of every submitted message into `sent` by itself: the
    /// bot then sends no copy to its own mailbox. nil: not known yet (`auto` before the first
    /// message); the bot then behaves as for false.
    var serverSavesSent: Bool?

    /// `server`: what LIST and NAMESPACE said; `learned`: what `auto` learned earlier (store).
    init(configuration: CPDBotConfiguration, server: ServerFolders, learned: Bool?) {
        let imap = configuration.imap
        inbox = imap.mailbox
        sent = server.sent
        processed = server.path(for: imap.processedFolder)
        rejected = server.path(for: imap.rejectedFolder)
        ignored = server.path(for: imap.ignoredFolder)
        reported = server.path(for: imap.reportedFolder)
        switch configuration.smtp.serverSavesSent {
        case .yes: serverSavesSent = true
        case .no: serverSavesSent = false
        case .auto: serverSavesSent = learned
        }
    }

    /// The configured names as they are, for tests and for code that runs before a session.
    static func configured(_ configuration: CPDBotConfiguration) -> MailFolders {
        MailFolders(configuration: configuration, server: .plain(sent: configuration.imap.sentFolder), learned: nil)
    }

    func folder(for outcome: RoutingOutcome) -> String {
        switch outcome {
        case .processed: processed
        case .rejected: rejected
        case .ignored: ignored
        case .reported: reported
        }
    }

    /// Every folder the bot moves mail into; the pass creates those that are missing.
    var targets: [String] { RoutingOutcome.allCases.map(folder(for:)) + [sent] }
}
