import Testing
@testable import Regulation

/// §6.3.1 (PPS, 72 hours in 5 years, cumulative or single-course reading) and §6.3.2 (leadership).
@Suite struct ComplianceCheckerTests {
    static let asOf = Fixtures.date("2026-11-25")
    static let roster = StaffRoster([
        StaffMember(email: "pps@u.kz", category: .pps, isLeadership: false),
        StaffMember(email: "head@u.kz", category: .pps, isLeadership: true),
        StaffMember(email: "abp@u.kz", category: .abp, isLeadership: false),
    ])

    static func record(_ email: String, _ date: String, _ hours: Int, group: CompetencyGroup? = nil,
                       kind: CourseKind? = nil) -> TrainingRecord {
        TrainingRecord(participantEmail: email, courseID: "C", completionDate: Fixtures.date(date), hours: hours,
                       group: group, kind: kind)
    }

    @Test(arguments: [
        // (history of pps@u.kz, reading, compliant)
        ([("2026-01-10", 36), ("2023-05-01", 36)], TrainingObligationPolicy.Reading.cumulative, true),
        ([("2026-01-10", 36), ("2023-05-01", 35)], .cumulative, false),
        ([("2026-01-10", 36), ("2023-05-01", 36)], .singleCourse, false),
        ([("2026-01-10", 72)], .singleCourse, true),
        ([("2021-11-25", 72)], .cumulative, true),      // exactly five years before still counts
        ([("2021-11-24", 72)], .cumulative, false),     // a day earlier does not
        ([("2026-11-26", 72)], .cumulative, false),     // after the as-of date does not
        ([], .cumulative, false),
    ])
    func ppsHours(history: [(String, Int)], reading: TrainingObligationPolicy.Reading, compliant: Bool) {
        var policy = TrainingObligationPolicy()
        policy.ppsReading = reading
        let findings = ComplianceChecker(policy: policy).check(
            roster: Self.roster, history: history.map { Self.record("pps@u.kz", $0.0, $0.1) }, asOf: Self.asOf)
        #expect(findings.contains { $0.participantEmail == "pps@u.kz" } == !compliant)
    }

    @Test func leadership() {
        let history = [Self.record("head@u.kz", "2024-01-01", 80, group: .professionalValues)]
        let kinds = ComplianceChecker().check(roster: Self.roster, history: history, asOf: Self.asOf)
            .filter { $0.participantEmail == "head@u.kz" }.map(\.kind)
        #expect(kinds == [.leadershipWithoutManagementTraining])

        for trained in [Self.record("head@u.kz", "2024-01-01", 80, group: .leadership),
                        Self.record("head@u.kz", "2024-01-01", 80, kind: .management)] {
            let findings = ComplianceChecker().check(roster: Self.roster, history: [trained], asOf: Self.asOf)
            #expect(!findings.contains { $0.participantEmail == "head@u.kz" })
        }
    }

    @Test func otherABPStaffHaveNoObligation() {
        #expect(!ComplianceChecker().check(roster: Self.roster, history: [], asOf: Self.asOf)
            .contains { $0.participantEmail == "abp@u.kz" })
    }
}
