import Testing
@testable import Regulation

/// §5.3 and §6.5 per course, both sides of every threshold; roster and applicant checks.
@Suite struct PlanCheckerTests {
    static func course(_ location: CourseLocation, _ term: CourseTerm, hours: Int,
                       group: CompetencyGroup = .professionalValues, audience: Audience = .pps,
                       start: String = "2026-09-01", end: String = "2026-09-30") -> Course {
        Course(id: "C", title: "t", group: group, audience: audience, kind: .qualification, location: location,
               term: term, hours: hours, startDate: Fixtures.date(start), endDate: Fixtures.date(end),
               language: .kk, delivery: .offline, costKZT: 0)
    }

    @Test(arguments: [
        // §6.5 minimum hours: (location, term, hours, problem?)
        (CourseLocation.domestic, CourseTerm.short, 7, true), (.domestic, .short, 8, false),
        (.domestic, .medium, 35, true), (.domestic, .medium, 36, false),
        (.domestic, .long, 107, true), (.domestic, .long, 108, false),
        (.abroad, .short, 35, true), (.abroad, .short, 36, false),
        (.abroad, .long, 1, false),
    ])
    func minimumHours(location: CourseLocation, term: CourseTerm, hours: Int, problem: Bool) {
        let kinds = PlanChecker().problems(of: Self.course(location, term, hours: hours)).map(\.kind)
        #expect(kinds == (problem ? [.hoursBelowMinimum] : []))
    }

    @Test(arguments: [
        // Abroad long: end at most the same calendar date one year later.
        ("2026-09-01", "2027-09-01", false), ("2026-09-01", "2027-09-02", true),
        ("2028-02-29", "2029-02-28", false), ("2028-02-29", "2029-03-01", true),
    ])
    func abroadLongLastsAtMostOneYear(start: String, end: String, problem: Bool) {
        let course = Self.course(.abroad, .long, hours: 500, start: start, end: end)
        #expect(PlanChecker().problems(of: course).map(\.kind) == (problem ? [.abroadLongOverOneYear] : []))
    }

    @Test func abroadMediumHasNoHoursRule() {
        #expect(PlanChecker().problems(of: Self.course(.abroad, .medium, hours: 1)).map(\.kind) == [.abroadMedium])
    }

    @Test(arguments: Audience.allCases)
    func groupsBelongToTheirAudience(audience: Audience) {
        for group in CompetencyGroup.allCases {
            let kinds = PlanChecker().problems(of: Self.course(.domestic, .short, hours: 8, group: group, audience: audience)).map(\.kind)
            #expect(kinds == (CompetencyGroup.groups(of: audience).contains(group) ? [] : [.groupNotInAudience]), "\(group)")
        }
    }

    @Test func aCourseCanHaveSeveralProblems() {
        let course = Self.course(.domestic, .long, hours: 20, group: .leadership, audience: .pps)
        #expect(Set(PlanChecker().problems(of: course).map(\.kind)) == [.groupNotInAudience, .hoursBelowMinimum])
    }

    @Test func rosterChecks() {
        let plan = Plan(courses: [Self.course(.domestic, .short, hours: 8)], assignments: [
            Assignment(courseID: "C", participantEmail: "pps@u.kz", row: 2),
            Assignment(courseID: "C", participantEmail: "abp@u.kz", row: 3),
            Assignment(courseID: "C", participantEmail: "nobody@u.kz", row: 4),
            Assignment(courseID: "C", participantEmail: "abp@u.kz", row: 5),
        ])
        let roster = StaffRoster([StaffMember(email: " PPS@U.kz ", category: .pps, isLeadership: false),
                             StaffMember(email: "abp@u.kz", category: .abp, isLeadership: true)])
        let problems = PlanChecker().check(plan, roster: roster)
        #expect(problems.map(\.kind) == [.categoryMismatch, .participantNotInRoster])
        #expect(problems.map(\.participantEmail) == ["abp@u.kz", "nobody@u.kz"])
    }

    @Test func applicantsLeftOutOfThePlan() {
        let plan = Plan(courses: [Self.course(.domestic, .short, hours: 8)],
                        assignments: [Assignment(courseID: "C", participantEmail: "a@u.kz", row: 2)])
        let left = PlanChecker().applicantsLeftOut(of: plan, applicants: ["A@u.kz", "b@u.kz", " B@U.KZ", "c@u.kz"])
        #expect(left == ["b@u.kz", "c@u.kz"])
    }
}
