import Foundation
@testable import Intake
import Store
import Testing
@testable import Bot

/// The receipt's "what changed" without a store: rows in, added/removed/changed out.
@Suite struct RowChangesTests {
    /// A row as small as the diff needs: a key and two content fields.
    struct Row: Equatable, Sendable, CustomStringConvertible {
        var email: String
        var name = "N"
        var hours = 72
        var description: String { "\(email)/\(name)/\(hours)" }

        static func fields(_ after: Row, _ before: Row) -> [String] {
            (after.name != before.name ? ["full_name"] : []) + (after.hours != before.hours ? ["last_course_hours"] : [])
        }
    }

    static func changes(_ old: [Row]?, _ new: [Row]) -> RowChanges<Row> {
        RowChanges(old: old, new: new, key: \.email, changedFields: Row.fields)
    }

    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var old: [Row]?
        var new: [Row]
        var added: [String], removed: [String], changed: [String: [String]]
        var isEmpty: Bool
    }

    static let a = Row(email: "a@x"), b = Row(email: "b@x"), c = Row(email: "c@x")

    static let cases: [Case] = [
        Case(description: "first submission: everything added", old: nil, new: [a, b],
             added: ["a@x", "b@x"], removed: [], changed: [:], isEmpty: false),
        Case(description: "the same rows again: nothing", old: [a, b], new: [a, b],
             added: [], removed: [], changed: [:], isEmpty: true),
        Case(description: "the same rows reordered: nothing", old: [a, b], new: [b, a],
             added: [], removed: [], changed: [:], isEmpty: true),
        Case(description: "one dropped, one new", old: [a, b], new: [a, c],
             added: ["c@x"], removed: ["b@x"], changed: [:], isEmpty: false),
        Case(description: "hours corrected", old: [a, b], new: [a, Row(email: "b@x", hours: 36)],
             added: [], removed: [], changed: ["b@x": ["last_course_hours"]], isEmpty: false),
        Case(description: "name and hours changed", old: [a], new: [Row(email: "a@x", name: "M", hours: 1)],
             added: [], removed: [], changed: ["a@x": ["full_name", "last_course_hours"]], isEmpty: false),
        Case(description: "everything removed", old: [a, b], new: [],
             added: [], removed: ["a@x", "b@x"], changed: [:], isEmpty: false),
        Case(description: "an empty application stored before", old: [], new: [a],
             added: ["a@x"], removed: [], changed: [:], isEmpty: false),
        // A duplicate key in the stored rows: the new row is compared with the first one.
        Case(description: "duplicate stored key", old: [a, Row(email: "a@x", hours: 1)], new: [a],
             added: [], removed: [], changed: [:], isEmpty: true),
    ]

    @Test(arguments: cases)
    func diff(_ item: Case) {
        let change = Self.changes(item.old, item.new)
        #expect(change.isFirstSubmission == (item.old == nil))
        #expect(change.added.map(\.email) == item.added)
        #expect(change.removed.map(\.email) == item.removed)
        #expect(Dictionary(uniqueKeysWithValues: change.changed.map { ($0.after.email, $0.fields) }) == item.changed)
        #expect(change.isEmpty == item.isEmpty)
    }

    @Test func aChangeKeepsBothVersionsOfTheRow() {
        let after = Row(email: "b@x", hours: 36)
        let change = Self.changes([Self.a, Self.b], [after])
        #expect(change.changed == [RowChanges<Row>.Change(before: Self.b, after: after, fields: ["last_course_hours"])])
    }

    /// The application case the bot uses: the store's rows, keyed by their (lower-case) e-mail;
    /// where or when a row came from is no change.
    @Test func applicationChangeComparesWhatTheHeadWrote() {
        func row(_ email: String, hours: Int = 72, message: String = "m1@x") -> StoredApplicationRow {
            StoredApplicationRow(
                no: 1, school: "S", fullName: "F", trainingDirection: nil, programme: nil, lastCourse: nil,
                lastCourseDate: nil, lastCourseHours: hours, phone: nil, email: email, unit: "U",
                submittedBy: "h@kazguu.kz", messageID: message, receivedAt: Date(timeIntervalSince1970: 0),
                sourceFile: nil, cycle: "2026-2027", late: false)
        }
        let change = ApplicationChange(replacing: [row("a@kazguu.kz"), row("b@kazguu.kz"), row("c@kazguu.kz")],
                                       with: [row("A@kazguu.kz", message: "m2@x"), row("c@kazguu.kz", hours: 36), row("d@kazguu.kz")])
        #expect(!change.isFirstSubmission)
        #expect(change.added.map(\.email) == ["d@kazguu.kz"])
        #expect(change.removed.map(\.email) == ["b@kazguu.kz"])
        #expect(change.changed.map(\.after.email) == ["c@kazguu.kz"])
        #expect(change.changed.first?.fields == ["last_course_hours"])
        #expect(ApplicationChange(replacing: nil, with: [row("a@kazguu.kz")]).isFirstSubmission)
    }
}
