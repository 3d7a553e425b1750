import Testing
@testable import Regulation

/// What a `[PLAN]` message decides before anything is stored: approval, deadline, cycle.
@Suite struct PlanArrivalTests {
    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var subject: String?
        var body: String
        var received: String
        var approval: String, deadline: String, cycle: String
        var hasApprovalLine: Bool
    }

    static let cases: [Case] = [
        Case(description: "the approval line wins over the day of receipt; Capital Day is skipped",
             subject: "[PLAN]", body: "Good afternoon,\nApproved: 2026-07-03\n", received: "2026-07-10",
             approval: "2026-07-03", deadline: "2026-07-13", cycle: "2026-2027", hasApprovalLine: true),
        Case(description: "no approval line: approved the day it came; 31 Aug 2026 is worked",
             subject: nil, body: "Жоспар қоса берілді.", received: "2026-08-27",
             approval: "2026-08-27", deadline: "2026-09-03", cycle: "2026-2027", hasApprovalLine: false),
        Case(description: "the year the subject names",
             subject: "[ПЛАН] 2027-2028", body: "Утвержден: 03.07.2026", received: "2026-07-04",
             approval: "2026-07-03", deadline: "2026-07-13", cycle: "2027-2028", hasApprovalLine: true),
        Case(description: "a supplement in February belongs to the running year",
             subject: "[ЖОСПАР] толықтыру", body: "", received: "2027-02-10",
             approval: "2027-02-10", deadline: "2027-02-17", cycle: "2026-2027", hasApprovalLine: false),
    ]

    @Test(arguments: cases)
    func decides(_ item: Case) throws {
        let arrival = try PlanArrival(subject: item.subject, body: item.body, receivedOn: Fixtures.date(item.received),
                                      policy: Policy().cycle, calendar: Fixtures.holidays())
        #expect(arrival.approval.iso == item.approval)
        #expect(arrival.deadline.iso == item.deadline)
        #expect(arrival.cycle == item.cycle)
        #expect((arrival.approvalLine != nil) == item.hasApprovalLine)
    }

    @Test func aDayBeyondTheCalendarIsAnErrorNotAGuess() throws {
        let calendar = try Fixtures.holidays()
        #expect(throws: RegulationError.self) {
            try PlanArrival(subject: nil, body: "", receivedOn: Fixtures.date("2040-07-03"), policy: Policy().cycle,
                            calendar: calendar)
        }
    }

    @Test(arguments: [
        ("plan.XLSX", "xlsx"), ("План 2026.xls", "xls"), ("a.b.ods", "ods"), ("plan", "bin"), ("plan.", "bin"),
        ("x.toolong", "bin"), ("x.пдф", "bin"), ("../../etc/passwd", "bin"), ("x.e e", "bin"),
    ])
    func storedFileExtension(name: String, expected: String) {
        #expect(PlanArrival.storedFileExtension(of: name) == expected)
    }
}
