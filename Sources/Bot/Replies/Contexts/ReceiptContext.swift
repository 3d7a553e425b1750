import Config
public import Intake
public import Regulation
public import Staff
public import Store

/// A row the receipt reports as not accepted (one entry per problem, as the validator gives them).
public struct InvalidRowNote: Equatable, Sendable {
    /// The file the row is in; nil for a table in the message body.
    public var file: String?
    /// The row number as the sender sees it (spreadsheet row, CSV record, table row).
    public var row: Int
    /// The record key of the column (`email`, `last_course_date`, …).
    public var field: String
    /// The problem kind (`missing`, `invalid`, `duplicate`, `future`, `out_of_range`).
    public var problem: String

    /// A problem in row `row` of `file`.
    public init(file: String?, row: Int, field: String, problem: String) {
        self.file = file
        self.row = row
        self.field = field
        self.problem = problem
    }
}

/// The context of the `receipt` template.
public struct ReceiptContext: Sendable {
    /// The addressee's name as the greeting uses it.
    public var name: String
    /// The unit the application is for.
    public var unit: String
    /// The academic year, e.g. `2026-2027`.
    public var cycle: String
    /// The file names the rows came from.
    public var sourceFiles: [String]
    /// The rows taken, as stored.
    public var accepted: [StoredApplicationRow]
    /// The rows refused, with why.
    public var invalidRows: [InvalidRowNote]
    /// What changed against the unit's previous submission (nil: not known).
    public var change: ApplicationChange?
    /// True when the application came after the deadline (§7.4).
    public var late: Bool
    /// The application deadline (§7.4).
    public var deadline: CivilDate?
    /// The head as the roster has them (the greeting takes their given name and patronymic).
    public var addressee: RosterPerson?
    /// At most this many people named in each list (`replies.receipt_listed_rows`); the rest
    /// are counted (`accepted_more`, `added_more`, `removed_more`, `changed_more`).
    public var listedRows = CPDBotConfiguration.Replies().receiptListedRows

    /// A receipt's facts.
    public init(
        name: String, unit: String, cycle: String, sourceFiles: [String], accepted: [StoredApplicationRow],
        invalidRows: [InvalidRowNote], change: ApplicationChange?, late: Bool, deadline: CivilDate?
    ) {
        self.name = name
        self.unit = unit
        self.cycle = cycle
        self.sourceFiles = sourceFiles
        self.accepted = accepted
        self.invalidRows = invalidRows
        self.change = change
        self.late = late
        self.deadline = deadline
    }

    /// The template's values, column names and row problems worded by `strings`.
    public func values(_ strings: ReplyStrings) -> [String: Any] {
        let accepted: [[String: Any]] = accepted.prefix(listedRows).enumerated().map { index, row in
            ["index": index + 1, "full_name": row.fullName ?? "", "email": row.email]
        }
        let rejected: [[String: Any]] = invalidRows.map { note in
            let text = strings.rowProblem(field: note.field, problem: note.problem)
            var item: [String: Any] = [
                "row": note.row, "column": strings.column(note.field), "problem": text.problem, "advice": text.advice,
            ]
            // A table pasted into the body has no file name; say where the row is instead.
            item["file"] = note.file ?? strings.word("body_table")
            return item
        }
        func person(_ row: StoredApplicationRow) -> [String: Any] { ["full_name": row.fullName ?? "", "email": row.email] }
        let isResend = change.map { !$0.isFirstSubmission } ?? false
        var values: [String: Any] = [
            "name": name, "unit": unit, "cycle": cycle,
            "source_files_text": sourceFiles.joined(separator: ", "), "has_source_files": !sourceFiles.isEmpty,
            "accepted": accepted, "accepted_count": self.accepted.count,
            "rejected": rejected, "rejected_count": Set(invalidRows.map { "\($0.file ?? "")#\($0.row)" }).count,
            "has_rejected": !rejected.isEmpty,
            "is_resend": isResend, "has_changes": !(change?.isEmpty ?? true),
            "added": change?.added.prefix(listedRows).map(person) ?? [],
            "removed": change?.removed.prefix(listedRows).map(person) ?? [],
            "changed": change?.changed.prefix(listedRows).map { item -> [String: Any] in
                var entry = person(item.after)
                entry["fields"] = item.fields.map(strings.column).joined(separator: ", ")
                return entry
            } ?? [],
            "has_added": !(change?.added.isEmpty ?? true), "has_removed": !(change?.removed.isEmpty ?? true),
            "has_changed": !(change?.changed.isEmpty ?? true),
            "late": late,
        ]
        if let deadline { values["deadline"] = deadline }
        if let addressee { values["name"] = addressee }
        // Only a list that was cut has its `*_more`: the template's "…and N more people" line.
        let counts = [("accepted", self.accepted.count), ("added", change?.added.count ?? 0),
                      ("removed", change?.removed.count ?? 0), ("changed", change?.changed.count ?? 0)]
        for (list, count) in counts where count > listedRows {
            values[list + "_more"] = count - listedRows
        }
        return values
    }
}
