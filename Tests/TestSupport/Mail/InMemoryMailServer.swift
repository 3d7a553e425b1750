public import Foundation
public import Mail

/// An IMAP mailbox and an SMTP submission server in memory, for tests that drive the bot's
/// intake pass and outbox without the mail sandbox. It keeps one user's folders (the bot's):
/// what SMTP takes for that user is delivered into its INBOX, as Postfix delivers the bot's own
/// copies; what it takes for anyone else is recorded (`delivered(to:)`).
///
/// It answers the calls the bot makes (`IMAPSession`, `SMTPSession`) with the semantics the bot
/// relies on – UIDs that only grow, MOVE, header search by substring, a 250 per message – and
/// nothing of the wire protocol: the wire is what the sandbox tests are for. Every call first
/// asks `crashes` whether the simulated process is still up. Thread-safe.
public final class InMemoryMailServer: @unchecked Sendable {
    /// A message in a folder.
    public struct Message: Sendable {
        public let uid: UInt32
        public let data: Data
        public let internalDate: Date
    }

    /// One message SMTP took: the envelope and the bytes.
    public struct Submission: Sendable {
        public let from: String
        public let recipients: [String]
        public let data: Data
    }

    /// The user whose folders these are (lowercased).
    public let owner: String
    public let crashes: CrashSwitch
    /// Messages larger than this are fetched as `.tooLarge`, as `IMAPLimits.maxMessageBytes` makes the client do.
    public var maxMessageBytes = Int.max
    public let uidValidity: UInt32 = 1

    /// Recipients SMTP refuses for good (550), as a server does for a mailbox that is gone.
    public var refusedRecipients: Set<String> {
        get { lock.withLock { refused } }
        set { lock.withLock { refused = Set(newValue.map { $0.lowercased() }) } }
    }

    private let lock = NSLock()
    private var refused: Set<String> = []
    private var folders: [String: [Message]] = ["INBOX": []]
    private var nextUID: [String: UInt32] = [:]
    private var submissions: [Submission] = []

    public init(owner: String, crashes: CrashSwitch = CrashSwitch()) {
        self.owner = owner.lowercased()
        self.crashes = crashes
    }

    // MARK: What a test sees and does

    /// Puts a message into a folder (created when missing), as a delivery does; returns its UID.
    @discardableResult
    public func deliver(_ data: Data, to folder: String = "INBOX", receivedAt: Date = Date()) -> UInt32 {
        lock.withLock { append(data, to: folder, receivedAt: receivedAt) }
    }

    private func append(_ data: Data, to folder: String, receivedAt: Date) -> UInt32 {
        let uid = nextUID[folder, default: 1]
        nextUID[folder] = uid + 1
        folders[folder, default: []].append(Message(uid: uid, data: data, internalDate: receivedAt))
        return uid
    }

    public var folderNames: [String] { lock.withLock { folders.keys.sorted() } }

    public func messages(in folder: String) -> [Message] { lock.withLock { folders[folder] ?? [] } }

    /// The Message-IDs of a folder's messages, in UID order (`<…>` as written).
    public func messageIDs(in folder: String) -> [String] {
        messages(in: folder).map { Self.header("Message-ID", in: $0.data) ?? "" }
    }

    /// Every message SMTP took, in order.
    public var submitted: [Submission] { lock.withLock { submissions } }

    /// The messages SMTP took for `address` (not the owner's copies).
    public func delivered(to address: String) -> [Data] {
        let address = address.lowercased()
        return submitted.filter { $0.recipients.contains { $0.lowercased() == address } }.map(\.data)
    }

    /// A header field's value (unfolded, trimmed), for the fakes' searches and for assertions.
    public static func header(_ name: String, in data: Data) -> String? {
        RawMessage.header(name, in: data)
    }

    // MARK: IMAP

    /// A refusal the fake gives where a server would answer `NO`.
    public struct Refusal: Error, CustomStringConvertible {
        public let description: String
    }

    /// An IMAP session over the server's folders (one selected folder, as IMAP has).
    public func imapSession() -> IMAPSession { IMAPSession(server: self) }

    public final class IMAPSession {
        private let server: InMemoryMailServer
        private var selected: String?

        init(server: InMemoryMailServer) {
            self.server = server
        }

        private func selectedFolder() throws -> String {
            try server.crashes.checkAlive()
            guard let selected else { throw Refusal(description: "no mailbox selected") }
            return selected
        }

        public func select(_ mailbox: String, readOnly: Bool) throws -> MailboxStatus {
            try server.crashes.checkAlive()
            return try server.lock.withLock {
                guard let messages = server.folders[mailbox] else {
                    throw Refusal(description: "NO [NONEXISTENT] \(mailbox)")
                }
                selected = mailbox
                return MailboxStatus(uidValidity: server.uidValidity, uidNext: server.nextUID[mailbox, default: 1],
                                     exists: UInt32(messages.count))
            }
        }

        public func createIfMissing(_ mailbox: String) throws {
            try server.crashes.checkAlive()
            server.lock.withLock { if server.folders[mailbox] == nil { server.folders[mailbox] = [] } }
        }

        /// `ALL`, or `HEADER Message-ID "…"` keys joined by `OR` (what `HeldMessages` sends).
        public func searchUIDs(_ criteria: String) throws -> [UInt32] {
            let folder = try selectedFolder()
            let messages = server.messages(in: folder)
            if criteria == "ALL" { return messages.map(\.uid) }
            let values = Self.quotedMessageIDs(in: criteria)
            guard !values.isEmpty else { throw Refusal(description: "the fake does not search for \(criteria)") }
            return messages.filter { message in
                guard let id = InMemoryMailServer.header("Message-ID", in: message.data)?.lowercased() else { return false }
                return values.contains { id.contains($0.lowercased()) }
            }.map(\.uid)
        }

        /// The quoted values after each `HEADER Message-ID`.
        private static func quotedMessageIDs(in criteria: String) -> [String] {
            var values: [String] = []
            var rest = Substring(criteria)
            while let key = rest.range(of: "HEADER Message-ID \"") {
                rest = rest[key.upperBound...]
                var value = ""
                var escaped = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if escaped { value.append(character); escaped = false }
                    else if character == "\\" { escaped = true }
                    else if character == "\"" { break }
                    else { value.append(character) }
                }
                values.append(value)
            }
            return values
        }

        /// IMAP SEARCH HEADER: the field contains `value`, ignoring case.
        public func searchUIDs(header field: String, value: String) throws -> [UInt32] {
            let folder = try selectedFolder()
            return server.messages(in: folder).filter {
                InMemoryMailServer.header(field, in: $0.data)?.lowercased().contains(value.lowercased()) == true
            }.map(\.uid)
        }

        public func fetch(uids: [UInt32], into sink: (FetchedMessage) throws -> Void) throws {
            let folder = try selectedFolder()
            let wanted = Set(uids)
            for message in server.messages(in: folder) where wanted.contains(message.uid) {
                try server.crashes.checkAlive()
                let content: FetchedMessage.Content = message.data.count > server.maxMessageBytes
                    ? .tooLarge(size: message.data.count, maximum: server.maxMessageBytes) : .complete(message.data)
                let headerEnd = message.data.range(of: Data("\r\n\r\n".utf8))?.upperBound ?? message.data.endIndex
                try sink(FetchedMessage(uid: message.uid, size: message.data.count, flags: [],
                                        internalDate: message.internalDate,
                                        headerFields: Data(message.data[..<headerEnd]), content: content))
            }
        }

        /// UID MOVE (RFC 6851): the messages get new UIDs in the target; then `afterMove` may crash.
        public func move(uids: [UInt32], to mailbox: String) throws {
            let folder = try selectedFolder()
            try server.lock.withLock {
                guard server.folders[mailbox] != nil else { throw Refusal(description: "NO [TRYCREATE] \(mailbox)") }
                let wanted = Set(uids)
                let moving = (server.folders[folder] ?? []).filter { wanted.contains($0.uid) }
                server.folders[folder]?.removeAll { wanted.contains($0.uid) }
                for message in moving {
                    _ = server.append(message.data, to: mailbox, receivedAt: message.internalDate)
                }
            }
            try server.crashes.reached(.afterMove)
        }

        /// UID STORE \Deleted + UID EXPUNGE.
        public func delete(uids: [UInt32]) throws {
            let folder = try selectedFolder()
            let wanted = Set(uids)
            server.lock.withLock { server.folders[folder]?.removeAll { wanted.contains($0.uid) } }
        }
    }

    // MARK: SMTP

    /// An SMTP submission session: every message is taken (250 for every recipient but `refusedRecipients`).
    public func smtpSession() -> SMTPSession { SMTPSession(server: self) }

    public final class SMTPSession {
        private let server: InMemoryMailServer

        init(server: InMemoryMailServer) {
            self.server = server
        }

        /// As `SMTPClient.send(_:willSend:didSend:)`: `willSend(i)` before message i goes out
        /// (a throw stops there), `didSend(i, …)` once the server took it. `afterMark` may crash
        /// between the two, before the message reaches the server; `afterSend` after it did.
        public func send(_ messages: [SMTPMessage], willSend: (Int) throws -> Void,
                         didSend: (Int, Result<SendReport, MailError>) throws -> Void) throws {
            for (index, message) in messages.enumerated() {
                try server.crashes.checkAlive()
                try willSend(index)
                try server.crashes.reached(.afterMark)
                let refused = server.refusedRecipients
                let accepted = message.recipients.filter { !refused.contains($0.lowercased()) }
                if !accepted.isEmpty {
                    server.lock.withLock {
                        server.submissions.append(Submission(from: message.from, recipients: accepted, data: message.data))
                        if accepted.contains(where: { $0.lowercased() == server.owner }) {
                            _ = server.append(message.data, to: "INBOX", receivedAt: Date())
                        }
                    }
                }
                try server.crashes.reached(.afterSend)
                let results = message.recipients.map { recipient in
                    (recipient, refused.contains(recipient.lowercased())
                        ? RecipientResult.permanentFailure(code: 550, reply: "5.1.1 <\(recipient)>: Recipient address rejected: User unknown")
                        : RecipientResult.accepted)
                }
                let report = SendReport(perRecipient: Dictionary(results, uniquingKeysWith: { first, _ in first }))
                try didSend(index, .success(report))
            }
        }
    }
}
