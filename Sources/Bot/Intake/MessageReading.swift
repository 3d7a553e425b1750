import Applications
import Documents
import Foundation
import MIME

/// Everything the bot reads from one message before deciding what to do with it: the MIME
/// summary (sender, forward, machine-mail signals), every file with its application reading,
/// and an application table pasted into the body.
struct MessageReading: Sendable {
    var message: ParsedMessage
    var summary: MessageSummary
    var files: [FileVerdict]
    /// The reading of the tables in the HTML body, when one of them is an Appendix 1 table.
    var bodyTable: ApplicationReading?

    struct Limits: Sendable {
        var mime: MIMELimits = .default
        var documents: DocumentLimits = .init()
        var applications: ApplicationLimits = .init()
        /// What all files of one message may inflate to together (`limits.max_inflated_bytes_per_message`).
        var maxInflatedBytesPerMessage = 128 * 1024 * 1024
    }

    /// When the message was received: the server's time (IMAP `INTERNALDATE`), or the time it
    /// was fetched when the server gave none. Never the sender's `Date:`, which anyone can backdate.
    var receivedAt: Date

    /// How far the sender's `Date:` lies from `receivedAt`, when it is more than
    /// `dateSkewNoted` off (a wrong clock, or a backdated or future-dated message): for the journal.
    var dateSkewSeconds: Int? {
        guard let claimed = message.date?.date else { return nil }
        let skew = claimed.timeIntervalSince(receivedAt)
        return abs(skew) > Self.dateSkewNoted ? Int(skew) : nil
    }

    /// A day: time zones and slow relays stay well inside it.
    static let dateSkewNoted: TimeInterval = 24 * 3600

    /// Parses and reads. `receivedAt` is the server's time of receipt: it decides the cycle,
    /// lateness and which last-course dates are `future` (after the day of receipt).
    static func read(_ raw: [UInt8], receivedAt: Date, limits: Limits) throws(MIMEError) -> MessageReading {
        read(parsed: try MessageParser(limits: limits.mime).parse(raw), receivedAt: receivedAt, limits: limits)
    }

    /// Reads a message already parsed (parsing is the only step that can fail).
    static func read(parsed message: ParsedMessage, receivedAt: Date, limits: Limits) -> MessageReading {
        let summary = MessageSummary.summarise(message, limits: limits.mime)
        let receivedOn = CalendarDay(receivedAt, utcOffsetSeconds: ApplicationCycle.Calendar().utcOffsetSeconds)
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
    struct SourcedRow: Sendable {
        var row: ApplicationRow
        var sourceFile: String?
    }

    /// Every valid row: attachments first in MIME order, then the body table. Each file is
    /// validated on its own (duplicates within a file are row errors); the same person in two
    /// files of one message is kept twice, as the oracle's final rows count them, for DSHR to see.
    var validRows: [SourcedRow] {
        let fromFiles = files.flatMap { verdict in verdict.validRows.map { SourcedRow(row: $0, sourceFile: verdict.file.filename) } }
        return fromFiles + (bodyTable?.rows ?? []).map { SourcedRow(row: $0, sourceFile: nil) }
    }
}
