import ArgumentParser
import Documents
import Foundation
import Store

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export stored data.",
        subcommands: [ExportApplicationsCommand.self])
}

struct ExportApplicationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "applications",
        abstract: "Export the applications of a cycle (the rows that stand after every resend).",
        discussion: "CSV is UTF-8 with a BOM, so that Excel opens it with Kazakh letters intact.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, xlsx }

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "The cycle, e.g. 2026-2027 (applications due 1 June 2026).") var cycle: String
    @Option(name: .long, help: "csv, json or xlsx.") var format: Format = .csv
    @Option(name: [.short, .long], help: "Write to this file instead of standard output (required for xlsx).")
    var output: String?

    func validate() throws {
        guard cycle.range(of: #"^\d{4}-\d{4}$"#, options: .regularExpression) != nil else {
            throw ValidationError("--cycle takes the form 2026-2027")
        }
        if format == .xlsx, output == nil { throw ValidationError("xlsx needs --output FILE") }
    }

    func run() async throws {
        let bootstrap = try BotBootstrap(global: global, exclusive: false)
        let repository = bootstrap.store.applications
        let data: Data
        do {
            switch format {
            case .csv:
                data = try repository.exportCSV(cycle: cycle)
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                data = try encoder.encode(try repository.all(cycle: cycle)) + Data("\n".utf8)
            case .xlsx:
                let rows = try repository.all(cycle: cycle)
                let keys = StoredApplicationRow.keys
                let values = rows.map(Self.cells)
                data = try SpreadsheetWriter.xlsx([SpreadsheetWriter.Sheet(name: cycle, header: keys, rows: values,
                                                                           columnWidths: keys.map { _ in 22 })])
            }
        } catch {
            throw CLIExit.couldNotRun("export of \(cycle): \(error)")
        }
        if let output {
            do {
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw CLIExit.couldNotRun("could not write \(output): \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    /// One spreadsheet row in the order of `StoredApplicationRow.keys`.
    static func cells(_ row: StoredApplicationRow) -> [SpreadsheetWriter.Value] {
        func text(_ value: String?) -> SpreadsheetWriter.Value { value.map { .text($0) } ?? .empty }
        func number(_ value: Int?) -> SpreadsheetWriter.Value { value.map { .number(Double($0)) } ?? .empty }
        return [
            number(row.no), text(row.school), text(row.fullName), text(row.trainingDirection), text(row.programme),
            text(row.lastCourse), text(row.lastCourseDate), number(row.lastCourseHours), text(row.phone),
            text(row.email), text(row.unit), text(row.submittedBy), text(row.messageID),
            text(row.receivedAt.formatted(.iso8601)), text(row.sourceFile), text(row.cycle), text(row.late ? "yes" : "no"),
        ]
    }
}
