public import Foundation

/// The file store: one directory, nothing else to install.
///
/// ```
/// <root>/cpdbot.lock              single-instance lock (pid)
/// <root>/writing.lock             held while the store changes; a backup copies without it
/// <root>/journal.jsonl            one event per message in and out
/// <root>/messages/<yyyy-mm>/      raw messages, byte-identical, + index.jsonl
/// <root>/outbox/                  outgoing messages and their delivery state
/// <root>/applications/<cycle>/    the current rows of each unit
/// <root>/roster.csv              the people the bot knows (DESIGN.md: it lives in the store)
/// <root>/mailbox/                 IMAP position (UIDVALIDITY, last UID, last poll)
/// <root>/certificates/            the certificate registry and the verification codes' key
/// <root>/plans/<slot>/            a Plan DSHR sent: plan.json and the file as sent (`PlanFiles`)
/// <root>/training/ledger.json     certificates issued and the training history (`TrainingLedgerFile`)
/// <root>/outbox/inflight/         marks of the messages on their way to the SMTP server, a batch a file (`InFlightMarks`)
/// <root>/outbox/sent/             messages sent, a batch a file (`Outbox.markSent(batch:)`)
/// <root>/store-format.json        the layout's version (`StoreFormat`)
/// ```
/// Directories are 0700 and files 0600: the store holds personal data. Every file in it is
/// written through one of these types; nothing else writes into the store.
public struct FileStore: Sendable {
    /// The store's top directory; every path below is relative to it.
    public let root: URL
    /// Raw messages, byte-identical, with their index (`messages/`).
    public let archive: MessageArchive
    /// The event log of every message in and out (`journal.jsonl`).
    public let journal: Journal
    /// Outgoing messages and their delivery state (`outbox/`).
    public let outbox: Outbox
    /// The current application rows of each unit per cycle (`applications/`).
    public let applications: ApplicationRepository
    /// The people the bot knows (`roster.csv`).
    public let roster: RosterFile
    /// The IMAP position per mailbox (`mailbox/`).
    public let mailbox: MailboxStateFile
    /// The last failure of a poll, readable even after a full disk (`FailureRecord`).
    public let failure: FailureRecord
    /// The certificate registry and the verification codes' key (`certificates/`).
    public let certificates: CertificateBook
    /// The Plans DSHR sent (`plans/`).
    public let plans: PlanFiles
    /// The training ledger (`training/ledger.json`).
    public let trainingLedger: TrainingLedgerFile
    /// The store's format on disk when it was opened, before any migration (`StoreFormat`):
    /// `StoreFormat.beforeVersioning` for a store without `store-format.json`, a new one included.
    public let formatFound: Int

    /// Opens the store at `root`, creating the layout where it is missing and migrating a
    /// store an older cpdbot wrote (`StoreMigration`). Throws `StoreError.newerFormat` for a
    /// store a newer cpdbot wrote.
    public init(root: URL) throws {
        let root = root.standardizedFileURL
        self.root = root
        let folders = ["messages", "outbox", "applications", "mailbox"]
        // The store's own directories are tightened to 0700 even when they already existed.
        for path in [root.path] + folders.map({ root.appendingPathComponent($0).path }) {
            try POSIX.makeDirectory(path)
            try POSIX.restrictDirectory(path)
        }
        archive = MessageArchive(directory: self.root.appendingPathComponent("messages"))
        journal = Journal(url: self.root.appendingPathComponent("journal.jsonl"))
        outbox = Outbox(directory: self.root.appendingPathComponent("outbox"))
        applications = ApplicationRepository(directory: self.root.appendingPathComponent("applications"))
        roster = RosterFile(url: self.root.appendingPathComponent("roster.csv"))
        mailbox = MailboxStateFile(directory: self.root.appendingPathComponent("mailbox"))
        failure = FailureRecord(url: self.root.appendingPathComponent("mailbox/last-failure.json"))
        certificates = CertificateBook(directory: self.root.appendingPathComponent("certificates"))
        plans = PlanFiles(directory: self.root.appendingPathComponent("plans", isDirectory: true))
        trainingLedger = TrainingLedgerFile(url: self.root.appendingPathComponent("training/ledger.json"))
        formatFound = try StoreMigration.migrate(root: root)
    }

    /// The lock a backup takes to copy the store (`WritingLock`); not part of a backup.
    static let writingLockName = "writing.lock"
    /// Present while a backup waits for the writing lock: `run` then lets go of it within the
    /// pass, between two messages, instead of at the pass's end.
    static let backupRequestName = "backup.request"
    /// Present while another writer (the console) waits for the writing lock: `run` lets go
    /// between two messages, as for a backup. A file of its own, so that neither removes the other's.
    static let writeRequestName = "write.request"

    /// The path of the single-instance lock file.
    public var lockPath: String { root.appendingPathComponent("cpdbot.lock").path }

    /// Takes the single-instance lock; hold the returned value for as long as the service runs.
    /// Throws `StoreError.locked` ("another cpdbot (pid N) is using the store at …").
    public func lock() throws -> StoreLock {
        try StoreLock(path: lockPath)
    }
}
