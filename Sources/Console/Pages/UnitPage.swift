import Foundation
public import Store

/// One unit's application as the bot holds it: its current rows and the messages they came from.
public struct UnitPage: Sendable {
    /// One accepted row.
    public struct Row: Sendable, Equatable {
        /// The row's number column; empty when the file had none.
        public var number: String
        /// The employee's full name.
        public var fullName: String
        /// The employee's address.
        public var email: String
        /// The training direction.
        public var direction: String
        /// The programme asked for.
        public var programme: String
        /// The last course and its date, comma-separated.
        public var lastCourse: String
        /// True when the row arrived after the deadline.
        public var late: Bool
    }
    /// One message the rows came from.
    public struct Submission: Sendable, Equatable {
        /// When it arrived, as people write it.
        public var received: String
        /// Who sent it.
        public var from: String
        /// The file the rows came from.
        public var file: String
        /// Rows it brought.
        public var rows: Int
        /// True when it arrived after the deadline.
        public var late: Bool
        /// `/units/<unit>/files/<n>` for a file (a table in the mail's body has none).
        public var fileHref: String
        /// True when `fileHref` is set (the template links only then).
        public var hasFile: Bool
    }

    /// The unit's name.
    public var name: String
    /// The unit's URL id (`UnitID`).
    public var id: String
    /// The academic year.
    public var cycle: String
    /// The current rows.
    public var rows: [Row]
    /// True when `rows` is not empty.
    public var hasRows: Bool
    /// The messages the rows came from, newest first.
    public var submissions: [Submission]

    /// The page of `unit` from its stored rows.
    public init(unit: String, cycle: String, rows: [StoredApplicationRow], strings: ConsoleStrings) {
        name = unit
        id = UnitID.of(unit)
        self.cycle = cycle
        self.rows = rows.map { row in
            Row(number: row.no.map(String.init) ?? "", fullName: row.fullName ?? "", email: row.email,
                direction: row.trainingDirection ?? "", programme: row.programme ?? "",
                lastCourse: [row.lastCourse, row.lastCourseDate].compactMap { $0 }.joined(separator: ", "), late: row.late)
        }
        hasRows = !rows.isEmpty
        let files = Self.files(rows)
        submissions = Dictionary(grouping: rows, by: { SourceFile(messageID: $0.messageID, fileName: $0.sourceFile) })
            .sorted { ($0.value.first?.receivedAt ?? .distantPast) > ($1.value.first?.receivedAt ?? .distantPast) }
            .compactMap { source, group in
                guard let first = group.first else { return nil }
                let index = files.firstIndex(of: source)
                return Submission(received: strings.moment(first.receivedAt), from: first.submittedBy,
                                  file: first.sourceFile ?? strings["unit_file_body"], rows: group.count, late: first.late,
                                  fileHref: index.map { "/units/\(UnitID.of(unit))/files/\($0 + 1)" } ?? "",
                                  hasFile: index != nil)
            }
    }

    /// A file a unit's rows came from.
    public struct SourceFile: Hashable, Sendable {
        /// The Message-ID of the mail that brought the rows.
        public var messageID: String
        /// The attachment's name; nil for a table in the mail's body.
        public var fileName: String?
    }

    /// The unit's files in a fixed order (by message and name): `/files/<n>` is the n-th, so no
    /// file name ever goes into a URL.
    public static func files(_ rows: [StoredApplicationRow]) -> [SourceFile] {
        Set(rows.compactMap { row in row.sourceFile.map { SourceFile(messageID: row.messageID, fileName: $0) } })
            .sorted { ($0.messageID, $0.fileName ?? "") < ($1.messageID, $1.fileName ?? "") }
    }
}

/// The units a viewer may open: all for DSHR, their own for a head.
public struct UnitListPage: Sendable {
    /// One unit in the list.
    public struct Line: Sendable, Equatable {
        /// The unit's name.
        public var name: String
        /// The unit's URL id (`UnitID`).
        public var id: String
        /// Rows accepted.
        public var rows: Int
    }
    /// The units, in the order given.
    public var units: [Line]

    /// The list of `names`, each with its row count from `rows`.
    public init(units names: [String], rows: [StoredApplicationRow]) {
        let counts = Dictionary(grouping: rows, by: \.unit).mapValues(\.count)
        units = names.map { Line(name: $0, id: UnitID.of($0), rows: counts[$0] ?? 0) }
    }
}
