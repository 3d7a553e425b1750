/// What SELECT/EXAMINE reports (RFC 9051 §6.3.2). A changed `uidValidity` means every UID the
/// caller remembers for this mailbox is void.
public struct MailboxStatus: Sendable, Equatable {
    /// UIDVALIDITY: when it changes, the mailbox's UIDs were renumbered.
    public var uidValidity: UInt32
    /// The UID the next message will get (0 when the server did not say).
    public var uidNext: UInt32
    /// Messages in the mailbox.
    public var exists: UInt32

    /// The status as reported (tests build their own).
    public init(uidValidity: UInt32, uidNext: UInt32, exists: UInt32) {
        self.uidValidity = uidValidity
        self.uidNext = uidNext
        self.exists = exists
    }
}
