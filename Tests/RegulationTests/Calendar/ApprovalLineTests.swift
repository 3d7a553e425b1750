import Testing
@testable import Regulation

/// §7.7: the approval date DSHR writes in the Plan message.
@Suite struct ApprovalLineTests {
    @Test(arguments: [
        ("Good afternoon,\nthe plan was approved by the Chairman of the Board today.\nApproved: 2026-07-03\n", "2026-07-03"),
        ("Қайырлы күн!\r\nБекітілді: 27.08.2026\r\n", "2026-08-27"),
        ("Утвержден: 29.08.2025", "2025-08-29"),
        // As a Kazakh or Russian clerk also writes it.
        ("Сәлеметсіз бе!\nБекітілген күні: 27.07.2026\n", "2026-07-27"),
        ("Бекітілген: 27.07.2026", "2026-07-27"),
        ("Дата утверждения: 27.07.2026", "2026-07-27"),
        ("Approval date: 2026-07-27", "2026-07-27"),
        ("  УТВЕРЖДЁН : 29.08.2025.  ", "2025-08-29"),
        ("approved:2026-07-03", "2026-07-03"),
        ("Approved: 03.07.2026 by the Provost", "2026-07-03"),
    ])
    func found(body: String, date: String) {
        #expect(ApprovalLine.find(in: body)?.date.iso == date)
    }

    @Test(arguments: [
        "The plan was approved by the Chairman of the Board today.",
        "Approved 2026-07-03",
        "Approved: soon",
        "Approved: 31.02.2026",
        "Not approved: 2026-07-03",
        "",
        String(repeating: "Approved: ", count: 10_000),
    ])
    func notFound(_ body: String) {
        #expect(ApprovalLine.find(in: body) == nil)
    }

    /// expected.json's `approval_line` → `approval_date` for every Plan message.
    @Test func theOracleLinesGiveTheOracleDates() throws {
        let plans = try Fixtures.expected().plans
        #expect(plans.count == 3)
        for plan in plans {
            let found = ApprovalLine.find(in: "Hello,\n\n" + plan.approval_line + "\n\nDSHR")
            #expect(found?.line == plan.approval_line)
            #expect(found?.date.iso == plan.approval_date)
        }
    }
}
