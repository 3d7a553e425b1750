import Foundation
import Store

/// One unit's application as the bot holds it: its current rows and the messages they came from.
public struct UnitPage: Sendable {
    public struct Row: Sendable, Equatable {
        public var number: String
        public var fullName: String
        public var email: String
        public var direction: String
        public var programme: String
        public var lastCourse: String
        public var late: Bool
    }
    public struct Submission: Sendable, Equatable {
        public var received: String
        public var from: String
        public var file: String
        public var rows: Int
        public var late: Bool
        /// `/units/<unit>/files/<n>` for a file (a table in the mail's body has none).
        public var fileHref: String
        public var hasFile: Bool
    }

    public var name: String
    public var id: String
    public var cycle: String
    public var rows: [Row]
    public var hasRows: Bool
    public var submissions: [Submission]

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
        public var messageID: String
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
    public struct Line: Sendable, Equatable {
        public var name: String
        public var id: String
        public var rows: Int
    }
    public var units: [Line]

    public init(units names: [String], rows: [StoredApplicationRow]) {
        let counts = Dictionary(grouping: rows, by: \.unit).mapValues(\.count)
        units = names.map { Line(name: $0, id: UnitID.of($0), rows: counts[$0] ?? 0) }
    }
}
