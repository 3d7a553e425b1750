import Regulation
import Staff
import Store

/// Template values for the Plan's messages. Problem kinds and course fields become flags
/// (`is_abroad_medium`, `is_online`…) so each language's template words them itself.
enum PlanContexts {
    static func course(_ course: Course) -> [String: Any] {
        [
            "course_id": course.id, "title": course.title, "hours": course.hours,
            "start_date": course.startDate, "end_date": course.endDate,
            "cost_kzt": Tenge(course.costKZT), "is_free": course.costKZT == 0,
            "language_\(course.language.rawValue)": true, "delivery_\(course.delivery.rawValue)": true,
            "location_\(course.location.rawValue)": true,
            // The same in the reader's words (the Glossary, §5.3, §7.10, §7.11).
            "teaching_language": GlossaryTerm("language.\(course.language.rawValue)"),
            "delivery": GlossaryTerm("delivery.\(course.delivery.rawValue)"),
            "location": GlossaryTerm("location.\(course.location.rawValue)"),
            "group": GlossaryTerm("group.\(course.group.rawValue)"),
        ]
    }

    static func problem(_ problem: PlanProblem) -> [String: Any] {
        var values: [String: Any] = ["course_id": problem.courseID, "kind_\(problem.kind.rawValue)": true,
                                     "detail": problem.detail]
        if let email = problem.participantEmail { values["participant_email"] = email }
        return values
    }

    static func preview(name: String, stored: StoredPlan, plan: Plan, issues: [RowIssue], problems: [PlanProblem],
                        leftOut: [String], today: CivilDate) -> [String: Any] {
        return [
            "name": name, "cycle": stored.cycle, "file_name": stored.fileName,
            "courses_count": plan.courses.count, "participants_count": plan.participants.count,
            "assignments_count": plan.assignments.count,
            "courses": plan.courses.map { c -> [String: Any] in
                var values = course(c)
                values["participants"] = plan.participants(of: c.id).count
                return values
            },
            "approval_date": stored.approvalDate, "approval_from_line": stored.approvalLine != nil,
            "approval_line": stored.approvalLine ?? "", "deadline": stored.deadline,
            "deadline_passed": stored.deadline < today,
            "has_problems": !problems.isEmpty, "problems_count": problems.count, "problems": problems.map(problem),
            "has_row_errors": !issues.isEmpty,
            "row_errors": issues.map { issue -> [String: Any] in
                var values: [String: Any] = ["row": issue.row, "message": issue]
                if let column = issue.column { values["column"] = TableColumn(column) }
                return values
            },
            "has_left_out": !leftOut.isEmpty, "left_out_count": leftOut.count, "left_out": leftOut.map { ["email": $0] },
            "already_announced": stored.state == .announced,
        ]
    }

    static func announcement(person: RosterPerson, stored: StoredPlan, plan: Plan) -> [String: Any] {
        let mine = plan.assignments.filter { $0.participantEmail == person.email.lowercased() }
        var seen: Set<String> = []
        let courses = mine.compactMap { a -> [String: Any]? in
            guard seen.insert(a.courseID).inserted, let c = plan.course(id: a.courseID) else { return nil }
            return course(c)
        }
        return [
            "name": person, "cycle": stored.cycle, "approval_date": stored.approvalDate,
            "has_courses": !courses.isEmpty, "courses": courses, "courses_count": courses.count,
            "plan_courses_count": plan.courses.count, "is_supplement": stored.slot != stored.cycle,
        ]
    }
}
