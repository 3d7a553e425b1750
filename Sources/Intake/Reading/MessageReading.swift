public import Applications
public import CivilCalendar
public import Documents
public import Foundation
public import MIME

/// Everything the bot reads from one message before deciding what to do with it: the MIME
/// summary (sender, forward, machine-mail signals), every file with its application reading,
/// and an application table pasted into the body.
public struct MessageReading: Sendable {
    /// The parsed message.
    public var message: ParsedMessage
    /// Its summary: sender, forward, machine-mail signals (`MessageSummary`).
    public var summary: MessageSummary
    /// Every file it carries, with what the application reader made of it.
    public var files: [FileVerdict]
    /// The reading of the tables in the HTML body, when one of them is an Appendix 1 table.
    public var bodyTable: ApplicationReading?

    /// What reading one message may cost: the MIME parser's, the document readers' and the
    /// application reader's limits.
    public struct Limits: Sendable {
        /// The MIME parser's limits (`limits.max_message_bytes`, `max_mime_parts`, …).
        public var mime: MIMELimits = .default
        /// The document readers' limits (`limits.max_attachment_bytes`, `max_rows`, …).
        public var documents: DocumentLimits = .init()
        /// The application reader's limits.
        public var applications: ApplicationLimits = .init()
        /// What all files of one message may inflate to together (`limits.max_inflated_bytes_per_message`).
        public var maxInflatedBytesPerMessage = 128 * 1024 * 1024
        /// Not a limit, but read with them: the zone whose day of receipt counts (`bot.time_zone`).
        public var timeZone: TimeZone

        /// The readers' own defaults on the university's clock; `MessageReading.Limits(configuration)`
        /// in Bot takes the configured ones.
        public init(timeZone: TimeZone = UniversityTimeZone.default) {
            self.timeZone = timeZone
        }
    }

    /// When the message was received: the server's time (IMAP `INTERNALDATE`), or the time it
    /// was fetched when the server gave none. Never the sender's `Date:`, which anyone can backdate.
    public var receivedAt: Date

    /// How far the sender's `Date:` lies from `receivedAt`, when it is more than
    /// `dateSkewNoted` off (a wrong clock, or a backdated or future-dated message): for the journal.
    public var dateSkewSeconds: Int? {
        guard let claimed = message.date?.date else { return nil }
        let skew = claimed.timeIntervalSince(receivedAt)
        return abs(skew) > Self.dateSkewNoted ? Int(skew) : nil
    }

    /// A day: time zones and slow relays stay well inside it.
    public static let dateSkewNoted: TimeInterval = 24 * 3600

    /// Parses and reads. `receivedAt` is the server's time of receipt: it decides the cycle,
    /// lateness and which last-course dates are `future` (after the day of receipt).
    public static func read(_ raw: [UInt8], receivedAt: Date, limits: Limits) throws(MIMEError) -> MessageReading {
        read(parsed: try MessageParser(limits: limits.mime).parse(raw), receivedAt: receivedAt, limits: limits)
    }

    /// Reads a message already parsed (parsing is the only step that can fail).
    public static func read(parsed message: ParsedMessage, receivedAt: Date, limits: Limits) -> MessageReading {
        let summary = MessageSummary.summarise(message, limits: limits.mime)
        let receivedOn = CalendarDay(receivedAt, in: limits.timeZone)
        let budget = InflationBudget(maximum: limits.maxInflatedBytesPerMessage)
        let files = IncomingFile.files(of: message, limits: limits.mime).map { file -> FileVerdict in
            guard file.role == .attachment else { return FileVerdict(file: file, reading: nil) }
            guard !file.hasHostileName else { return FileVerdict(file: file, reading: nil) }
            guard let bytes = file.bytes else {
                return FileVerdict(file: file, reading: ApplicationReading(
                    failure: .encryptedOrCorrupt, detail: "the attachment's data is damaged (\(file.problem ?? "undecodable"))"))
            }
            let reading = ApplicationReader.read(bytes: bytes, fileName: file.filename, receivedOn: receivedOn,
                                                 limits: limits.applications, documentLimits: limits.documents, budget: budget)
            return FileVerdict(file: file, reading: reading)
        }
        var bodyTable: ApplicationReading?
        if let html = message.htmlBody(limits: limits.mime) {
            let tables = HTMLTableReader.read(html: html, limits: limits.documents)
            if !tables.isEmpty {
                let reading = ApplicationReader.read(tables: tables, receivedOn: receivedOn, limits: limits.applications)
                if reading.failure == nil { bodyTable = reading }
            }
        }
        return MessageReading(message: message, summary: summary, files: files, bodyTable: bodyTable, receivedAt: receivedAt)
    }

    /// A valid row and where it came from (the file name, or nil for the message body).
    public struct SourcedRow: Sendable {
        /// The row.
        public var row: ApplicationRow
        /// The file's name; nil for the body table.
        public var sourceFile: String?
    }

    /// Every valid row: attachments first in MIME order, then the body table. Each file is
    /// validated on its own (duplicates within a file are row errors); the same person in two
    /// files of one message is kept twice, as the oracle's final rows count them, for DSHR to see.
    public var validRows: [SourcedRow] {
        let fromFiles = files.flatMap { verdict in verdict.validRows.map { SourcedRow(row: $0, sourceFile: verdict.file.filename) } }
        return fromFiles + (bodyTable?.rows ?? []).map { SourcedRow(row: $0, sourceFile: nil) }
    }
}
