import Foundation
import Mail

/// What the intake pass (`MailboxPass`, `HeldMessages`) and the outbox (`OutboxSender`) ask of
/// an IMAP session. `IMAPClient` is the one the service uses; the tests that drive the pass
/// without a mail server give it an in-process fake (the seam exists for them).
protocol MailboxSession: AnyObject {
    /// IMAP SELECT, or EXAMINE when `readOnly` (RFC 9051 §6.3.2, §6.3.3).
    @discardableResult
    func select(_ mailbox: String, readOnly: Bool) throws -> MailboxStatus
    /// CREATE when LIST does not show the folder.
    func createIfMissing(_ mailbox: String) throws
    /// UID SEARCH with the criteria as written (`ALL`, `OR HEADER Message-ID "…" …`).
    func searchUIDs(_ criteria: String) throws -> [UInt32]
    /// UID SEARCH HEADER `field` `value` (a substring match, RFC 9051 §6.4.4).
    func searchUIDs(header field: String, value: String) throws -> [UInt32]
    /// UID FETCH with BODY.PEEK[] (nothing changes on the server), each message to `sink` in UID order.
    func fetch(uids: [UInt32], into sink: (FetchedMessage) throws -> Void) throws
    /// UID MOVE (RFC 6851) into `mailbox`.
    func move(uids: [UInt32], to mailbox: String) throws
    /// Marks the messages \Deleted and expunges them (UID EXPUNGE, RFC 4315).
    func delete(uids: [UInt32]) throws
}

extension MailboxSession {
    /// SELECT (read-write).
    @discardableResult
    func select(_ mailbox: String) throws -> MailboxStatus {
        try select(mailbox, readOnly: false)
    }
}

extension IMAPClient: MailboxSession {}

/// What the outbox asks of an SMTP session: messages sent in order, told before each goes out
/// and once its outcome is known (`SMTPClient.send(_:willSend:didSend:)`, pipelined by RFC 2920).
protocol MessageSubmission: AnyObject {
    func send(_ messages: [SMTPMessage], willSend: (Int) throws -> Void,
              didSend: (Int, Result<SendReport, MailError>) throws -> Void) throws
}

extension SMTPClient: MessageSubmission {}
