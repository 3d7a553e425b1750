import Foundation
import Regulation
import Staff
import Store
import Testing
@testable import Bot

/// §7.3: the call goes out on `cycle.call_for_applications` from policy.yml; `remind --call-on`
/// (the schedule given to `CycleRules`) overrides it.
@Suite struct CallForApplicationsDateTests {
    static func rules(policy yaml: String, override: String? = nil) throws -> CycleRules {
        let committed = try CycleRules.load(directory: MailSandbox.repository.appendingPathComponent("config"))
        return try CycleRules(policy: try Policy(yaml: yaml), calendar: committed.calendar,
                              schedule: override.map { ReminderSchedule(callForApplications: MonthDay($0)!) })
    }

    /// (policy.yml text, --call-on, day, call due to the two heads that day)
    @Test(arguments: [
        ("", nil, "2027-04-15", true),                                           // the default
        ("", nil, "2027-03-02", false),
        ("cycle: {call_for_applications: \"03-02\"}", nil, "2027-03-02", true),  // the policy's day
        ("cycle: {call_for_applications: \"03-02\"}", nil, "2027-04-15", false),
        ("cycle: {call_for_applications: \"03-02\"}", "05-04", "2027-05-04", true), // --call-on wins
        ("cycle: {call_for_applications: \"03-02\"}", "05-04", "2027-03-02", false),
    ] as [(String, String?, String, Bool)])
    func callDay(policy: String, override: String?, day: String, due: Bool) throws {
        let roster = Roster(people: [
            RosterPerson(email: "h1@kazguu.kz", fullName: "H1", category: .pps, unit: "Law", role: .head, leadership: true, language: .kk),
            RosterPerson(email: "h2@kazguu.kz", fullName: "H2", category: .abp, unit: "IT", role: .head, leadership: true, language: .ru),
        ])
        let reminders = try ReminderPlanner(rules: Self.rules(policy: policy, override: override)).due(
            today: try #require(CivilDate(text: day)), roster: roster, appliedUnits: [], plans: [], dshr: [])
        #expect(reminders.filter { $0.kind == .call }.count == (due ? 2 : 0), "\(policy) --call-on \(override ?? "-") on \(day)")
    }

    @Test func theCommittedPolicyNamesTheDay() throws {
        let rules = try CycleRules.load(directory: MailSandbox.repository.appendingPathComponent("config"))
        #expect(rules.policy.cycle.callForApplications == MonthDay("04-15"))
        #expect(rules.schedule.callForApplications == rules.policy.cycle.callForApplications)
    }
}
