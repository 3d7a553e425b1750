/// Checks a Plan against §5.3, §6.5, the roster and the applications (pure).
public struct PlanChecker: Sendable {
    /// The §6.5 minimum hours checked against.
    public var durations: DurationPolicy

    /// A checker with the given durations.
    public init(durations: DurationPolicy = .init()) {
        self.durations = durations
    }

    /// Course-level problems (§5.3, §6.5); a course can have more than one.
    public func problems(of course: Course) -> [PlanProblem] {
        var problems: [PlanProblem] = []
        let allowed = CompetencyGroup.groups(of: course.audience)
        if !allowed.contains(course.group) {
            problems.append(PlanProblem(courseID: course.id, kind: .groupNotInAudience,
                detail: "\(course.group.rawValue) is not one of the \(course.audience.rawValue) groups (§5.3): "
                    + allowed.map(\.rawValue).joined(separator: ", ")))
        }
        switch (course.location, course.term) {
        case (.abroad, .medium):
            // §6.5 knows only short and long courses abroad; no hours rule applies to this one.
            problems.append(PlanProblem(courseID: course.id, kind: .abroadMedium,
                detail: "§6.5 has no medium-term course abroad; make it short (≥ \(durations.abroadShortMinimumHours) h) or long"))
        case (.abroad, .long):
            let latest = course.startDate.adding(years: durations.abroadLongMaximumYears)
            if course.endDate > latest {
                problems.append(PlanProblem(courseID: course.id, kind: .abroadLongOverOneYear,
                    detail: "runs \(course.startDate.iso) to \(course.endDate.iso); a long course abroad ends by \(latest.iso) (§6.5)"))
            }
        default:
            if let minimum = minimumHours(course.location, course.term), course.hours < minimum {
                problems.append(PlanProblem(courseID: course.id, kind: .hoursBelowMinimum,
                    detail: "\(course.hours) h; a \(course.term.rawValue) course \(course.location == .abroad ? "abroad" : "in Kazakhstan") "
                        + "has at least \(minimum) h (§6.5)"))
            }
        }
        return problems
    }

    /// The §6.5 minimum, or nil where none applies (abroad long has a length limit instead).
    public func minimumHours(_ location: CourseLocation, _ term: CourseTerm) -> Int? {
        switch (location, term) {
        case (.domestic, .short): return durations.domesticShortMinimumHours
        case (.domestic, .medium): return durations.domesticMediumMinimumHours
        case (.domestic, .long): return durations.domesticLongMinimumHours
        case (.abroad, .short): return durations.abroadShortMinimumHours
        case (.abroad, _): return nil
        }
    }

    /// Every problem of the Plan: per course, then per assignment against the roster (skipped
    /// when no roster is given). A participant not on the roster gets no category check.
    public func check(_ plan: Plan, roster: StaffRoster?) -> [PlanProblem] {
        var problems: [PlanProblem] = []
        for course in plan.courses { problems += self.problems(of: course) }
        guard let roster else { return problems }
        var seen: Set<String> = []
        let courses = Dictionary(plan.courses.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for assignment in plan.assignments {
            // One problem per person per course, even if a row is repeated.
            guard seen.insert(assignment.courseID + "\u{0}" + assignment.participantEmail).inserted,
                  let course = courses[assignment.courseID] else { continue }
            guard let person = roster.person(assignment.participantEmail) else {
                problems.append(PlanProblem(courseID: course.id, participantEmail: assignment.participantEmail,
                    kind: .participantNotInRoster, detail: "row \(assignment.row): not on the roster"))
                continue
            }
            if person.category != course.audience {
                problems.append(PlanProblem(courseID: course.id, participantEmail: assignment.participantEmail,
                    kind: .categoryMismatch,
                    detail: "row \(assignment.row): the roster says \(person.category.rawValue), the course is for \(course.audience.rawValue)"))
            }
        }
        return problems
    }

    /// Applicants (from the cycle's applications) who are in no course of the Plan, in the
    /// order given, without duplicates: DSHR should see who was left out (§7.5).
    public func applicantsLeftOut(of plan: Plan, applicants: [String]) -> [String] {
        let inPlan = plan.participants
        var seen: Set<String> = []
        return applicants.map(EmailAddress.normalize).filter { !inPlan.contains($0) && seen.insert($0).inserted }
    }
}
