import Testing
@testable import Regulation

/// Which academic year a Plan is for: the subject's year, else the approval's (§7.4–§7.5: Plans
/// are approved in summer for the year starting in September).
@Suite struct PlanCycleNameTests {
    static let deadline = MonthDay(month: 6, day: 1)!
    static let cases: [(subject: String?, approval: String, cycle: String)] = [
        (nil, "2026-07-03", "2026-2027"),
        (nil, "2026-08-27", "2026-2027"),
        (nil, "2025-09-02", "2025-2026"),
        (nil, "2026-06-01", "2026-2027"),
        (nil, "2026-05-31", "2025-2026"),  // a supplement approved before June: the running year
        (nil, "2027-02-10", "2026-2027"),
        ("[PLAN] 2027-2028", "2026-07-03", "2027-2028"),
        ("[ЖОСПАР] 2026–2027 толықтыру", "2026-12-01", "2026-2027"),
        ("[ПЛАН] 2026/2027", "2026-07-03", "2026-2027"),
        ("[PLAN] 2026-2028", "2026-07-03", "2026-2027"),  // not consecutive years: ignored
        ("[PLAN] 12026-20270", "2026-07-03", "2026-2027"),
        ("[PLAN] 1999-2000", "2026-07-03", "2026-2027"),
    ]

    @Test(arguments: cases)
    func cycle(_ example: (subject: String?, approval: String, cycle: String)) throws {
        let approval = try #require(CivilDate(text: example.approval))
        #expect(PlanCycleName.of(subject: example.subject, approval: approval, applicationDeadline: Self.deadline)
                == example.cycle)
    }
}
