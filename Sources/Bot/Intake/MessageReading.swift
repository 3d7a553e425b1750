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

    /// Parses and reads; `receivedOn` is the day of receipt (last-course dates after it are `future`).
    static func read(_ raw: [UInt8], receivedOn: CalendarDay, limits: Limits) throws(MIMEError) -> MessageReading {
        let message = try MessageParser(limits: limits.mime).parse(raw)
        let summary = MessageSummary.summarise(message, limits: limits.mime)
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
        return MessageReading(message: message, summary: summary, files: files, bodyTable: bodyTable)
    }

    /// Every valid row: attachments first in MIME order, then the body table. Duplicated emails
    /// across files keep the first (the same person listed twice is one application).
    var allValidRows: [ApplicationRow] {
        var seen = Set<String>()
        var rows: [ApplicationRow] = []
        for row in files.flatMap(\.validRows) + (bodyTable?.rows ?? []) {
            guard let email = row.email, seen.insert(email).inserted else { continue }
            rows.append(row)
        }
        return rows
    }
}
