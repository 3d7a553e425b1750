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
    }

    /// When the message was received: its Date header (the order DSHR sees), unless that is
    /// missing or lies in the future (a wrong clock), then the time it was fetched.
    var receivedAt: Date

    /// Parses and reads. Last-course dates after the day of receipt are `future`.
    static func read(_ raw: [UInt8], fetchedAt: Date, limits: Limits) throws(MIMEError) -> MessageReading {
        let message = try MessageParser(limits: limits.mime).parse(raw)
        let summary = MessageSummary.summarise(message, limits: limits.mime)
        var receivedAt = fetchedAt
        if let date = message.date?.date, date <= fetchedAt.addingTimeInterval(24 * 3600) { receivedAt = date }
        let receivedOn = CalendarDay(receivedAt, utcOffsetSeconds: message.date?.utcOffsetSeconds ?? 5 * 3600)
        let files = IncomingFile.files(of: message, limits: limits.mime).map { file -> FileVerdict in
            guard file.role == .attachment else { return FileVerdict(file: file, reading: nil) }
            guard !file.hasHostileName else { return FileVerdict(file: file, reading: nil) }
            guard let bytes = file.bytes else {
                return FileVerdict(file: file, reading: ApplicationReading(
                    failure: .encryptedOrCorrupt, detail: "the attachment's data is damaged (\(file.problem ?? "undecodable"))"))
            }
            let reading = ApplicationReader.read(bytes: bytes, fileName: file.filename, receivedOn: receivedOn,
                                                 limits: limits.applications, documentLimits: limits.documents)
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
