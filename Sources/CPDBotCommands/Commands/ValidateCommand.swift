import Applications
import Bot
import Config
import Documents
import ArgumentParser
import Foundation

/// `cpdbot validate FILE… [--json] [--today DATE]`: reads application files offline exactly as
/// the bot does and reports their rows and problems.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check application files (Appendix 1) offline, as the bot would read them.",
        discussion: """
            Reads each file (xlsx, xls, ods, docx, csv), finds the Appendix 1 table by meaning and \
            validates every employee row. Exit codes: 0 every file readable and valid, 1 some file \
            or row has a problem (listed), 2 could not run (e.g. a file does not exist).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Application files to check.")
    var files: [String] = []

    @Flag(name: .long, help: "Print the records as JSON (one object, or an array for several files).")
    var json = false

    @Option(name: .long, help: "The date of receipt (yyyy-mm-dd) that course dates must not be after. Default: today.")
    var today: String?

    func run() async throws {
        // Bad arguments mean the command could not run: exit 2 with one line, as DESIGN.md says.
        if files.isEmpty { throw CLIExit.couldNotRun("name at least one application file") }
        let receivedOn = try receiptDay()
        let limits = try documentLimits()
        let records = try files.map { path in
            ApplicationFileRecord(file: path, reading: try Self.read(path, receivedOn: receivedOn, limits: limits))
        }
        if json {
            var output = StandardOutputStream()
            ApplicationFileRecord.writeJSON(records, to: &output)
            output.flush()
        } else {
            print(records.map(Self.report).joined(separator: "\n"))
        }
        if !records.allSatisfy(\.reading.isCleanlyValid) { throw CLIExit.inputHadProblems }
    }

    /// Reads one file the way the bot reads an attachment. A file over the size limit is not
    /// loaded into memory at all.
    private static func read(_ path: String, receivedOn: CalendarDay, limits: DocumentLimits) throws -> ApplicationReading {
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
        if let size, size > limits.maxFileBytes {
            return ApplicationReader.reading(for: DocumentError(.tooLarge,
                "\(fileName) is \(size) bytes; the maximum is \(limits.maxFileBytes) bytes. "
                + "Send only the application table, without images."))
        }
        guard let bytes = FileBytes.contents(of: path) else {
            throw CLIExit.couldNotRun("cannot read \(path): no such file, or it is not readable")
        }
        return ApplicationReader.read(bytes: bytes, fileName: fileName, receivedOn: receivedOn,
                                      documentLimits: limits)
    }

    /// The limits the bot reads attachments with (`limits.*` of the configuration), so that
    /// `validate` refuses exactly what the bot would.
    private func documentLimits() throws -> DocumentLimits {
        do {
            let loaded = try ConfigurationLoader().load(file: global.configurationFile,
                                                        missingMeansDefaults: !global.configurationFileWasNamed)
            return DocumentLimits(loaded.configuration.limits)
        } catch {
            throw CLIExit.couldNotRun("configuration \(global.configurationFile): \(error)")
        }
    }

    private func receiptDay() throws -> CalendarDay {
        if let today {
            guard let day = CalendarDay(iso: today) else {
                throw CLIExit.couldNotRun("--today must be a date written yyyy-mm-dd, not '\(today)'")
            }
            return day
        }
        return CalendarDay(Date(), in: .current)
    }

    /// A plain-text report a head of unit could follow.
    static func report(_ record: ApplicationFileRecord) -> String {
        let reading = record.reading
        var lines: [String] = []
        if let kind = reading.errorKind {
            // A readable file without the table opened fine; the others could not be opened.
            lines.append("\(record.file): \(reading.readable ? "NO APPLICATION TABLE" : "NOT READ") (\(kind))")
            if let detail = reading.detail { lines.append("  \(detail)") }
            return lines.joined(separator: "\n")
        }
        let status = reading.invalidRows.isEmpty ? "OK" : "PROBLEMS"
        let rowsWithProblems = Set(reading.invalidRows.map(\.row)).count
        lines.append("\(record.file): \(status): \(reading.rows.count) row(s) accepted, "
            + "\(rowsWithProblems) row(s) with problems")
        for row in reading.rows {
            let parts = [row.no.map { "\($0)." }, row.fullName, row.email, row.lastCourseDate,
                         row.lastCourseHours.map { "\($0) h" }].compactMap { $0 }
            lines.append("  ok   " + parts.joined(separator: "  "))
        }
        for problem in reading.invalidRows {
            lines.append("  row \(problem.row), \(problem.field.label): \(problem.advice)")
        }
        return lines.joined(separator: "\n")
    }
}
