import Foundation
import Regulation
import Staff
import Store
import Testing
@testable import Bot

/// §7.3–§7.7 reminders: what is due on which day, from the policy's dates and the store's state.
@Suite struct ReminderPlannerTests {
    static let roster = Roster(people: [
        RosterPerson(email: "dshr@kazguu.kz", fullName: "DSHR", category: .abp, unit: "HR", role: .dshr, leadership: false, language: .ru),
        RosterPerson(email: "head.law@kazguu.kz", fullName: "Head Law", category: .pps, unit: "Law", role: .head, leadership: true, language: .kk),
        RosterPerson(email: "head.fin@kazguu.kz", fullName: "Head Fin", category: .abp, unit: "Finance", role: .head, leadership: true, language: .en),
        RosterPerson(email: "head.it@kazguu.kz", fullName: "Head IT", category: .abp, unit: "IT", role: .head, leadership: false, language: .ru),
        RosterPerson(email: "staff@kazguu.kz", fullName: "Staff", category: .pps, unit: "Law", role: .staff, leadership: false, language: .kk),
    ])

    static func rules() throws -> CycleRules {
        try CycleRules.load(directory: MailSandbox.repository.appendingPathComponent("config"))
    }

    static func plan(approved: String, state: PlanState) -> StoredPlan {
        let approval = CivilDate(text: approved)!
        return StoredPlan(slot: "2026-2027", cycle: "2026-2027", state: state, fileName: "plan.xlsx", storedFile: "plan.xlsx",
                          sha256: "x", approvalDate: approval, approvalLine: nil, deadline: approval, from: "dshr@kazguu.kz",
                          receivedAt: Date(), previewMessageID: "<p@x>")
    }

    /// (today, units that applied, Plans stored, expected "kind:address" lines)
    static let cases: [(String, Set<String>, [StoredPlan], [String])] = [
        ("2026-04-15", [], [], ["call:head.fin@kazguu.kz", "call:head.it@kazguu.kz", "call:head.law@kazguu.kz"]),
        ("2026-04-16", [], [], []),
        // §7.4 reminders 14, 7 and 1 days before 1 June, only to units that have not applied.
        ("2026-05-18", ["Law"], [], ["applications:head.fin@kazguu.kz", "applications:head.it@kazguu.kz"]),
        ("2026-05-25", ["Law", "IT"], [], ["applications:head.fin@kazguu.kz"]),
        ("2026-05-31", ["Law", "IT", "Finance"], [], []),
        ("2026-05-20", [], [], []),
        // 2 June: DSHR's summary.
        ("2026-06-02", ["Law"], [], ["summary:dshr@kazguu.kz"]),
        // §7.5: 7 and 1 days before 1 August, only while no Plan has come.
        ("2026-07-25", [], [], ["plan:dshr@kazguu.kz"]),
        ("2026-07-31", [], [plan(approved: "2026-07-03", state: .announced)], []),
        // §7.7: approved Fri 3 Jul 2026 → deadline Mon 13 Jul (6 Jul is a holiday); the reminder two
        // working days before is Thu 9 Jul, and on the day itself.
        ("2026-07-09", [], [plan(approved: "2026-07-03", state: .previewed)], ["announcement:dshr@kazguu.kz"]),
        ("2026-07-13", [], [plan(approved: "2026-07-03", state: .confirmed)], ["announcement:dshr@kazguu.kz"]),
        ("2026-07-10", [], [plan(approved: "2026-07-03", state: .previewed)], []),
        ("2026-07-09", [], [plan(approved: "2026-07-03", state: .announced)], []),
    ]

    @Test(arguments: cases)
    func due(_ example: (String, Set<String>, [StoredPlan], [String])) throws {
        let today = try #require(CivilDate(text: example.0))
        let due = try ReminderPlanner(rules: Self.rules()).due(
            today: today, roster: Self.roster, appliedUnits: example.1, plans: example.2, dshr: ["dshr@kazguu.kz"])
        #expect(due.map { "\($0.kind.rawValue):\($0.address)" }.sorted() == example.3.sorted(), "\(example.0)")
        // Every purpose names the day, so the same reminder on another day is another message,
        // and the same day twice is one.
        #expect(due.allSatisfy { $0.purpose.contains(today.iso) })
        #expect(Set(due.map(\.purpose)).count == due.count)
    }

    @Test func summaryListsTheUnitsThatHaveNotApplied() throws {
        let due = try ReminderPlanner(rules: Self.rules()).due(
            today: CivilDate(text: "2026-06-02")!, roster: Self.roster, appliedUnits: ["Law"], plans: [], dshr: ["dshr@kazguu.kz"])
        let summary = try #require(due.first)
        #expect(summary.unitsMissing == ["Finance", "IT"])
        #expect(summary.unitsApplied == ["Law"])
        #expect(summary.recipient?.language == .ru)
    }
}
