import Foundation
import Regulation

/// What `plan check` prints: the figures, the §7.7 deadline and the problems, as the preview
/// e-mail to DSHR states them.
struct PlanPreview {
    let reading: PlanReading
    let approval: CivilDate
    let deadline: CivilDate
    let problems: [PlanProblem]
    /// Applicants of the cycle in no course; nil when not asked for (--cycle) or no store.
    let applicantsLeftOut: [String]?

    /// The keys of samples/cycle/expected.json's `plans[]`; `row_errors` only when there are
    /// any, `applicants_not_in_plan` only with --cycle.
    var json: [String: Any] {
        var object: [String: Any] = [
            "courses": reading.plan.courses.count,
            "participants": reading.plan.participants.count,
            "assignments": reading.plan.assignments.count,
            "approval_date": approval.iso,
            "deadline": deadline.iso,
            "problems": problems.map { problem -> [String: Any] in
                ["course_id": problem.courseID, "participant_email": CommandFiles.orNull(problem.participantEmail),
                 "kind": problem.kind.rawValue]
            },
        ]
        if !reading.issues.isEmpty {
            object["row_errors"] = reading.issues.map { issue -> [String: Any] in
                ["row": issue.row, "column": CommandFiles.orNull(issue.column), "value": CommandFiles.orNull(issue.value),
                 "kind": issue.kind.rawValue, "message": issue.message]
            }
        }
        if let applicantsLeftOut { object["applicants_not_in_plan"] = applicantsLeftOut }
        return object
    }

    func printText(file: String, rosterChecked: Bool) {
        let plan = reading.plan
        print("\(file) (\(reading.tableName)): \(plan.courses.count) courses, \(plan.participants.count) participants, "
            + "\(plan.assignments.count) assignments.")
        print("Approved \(approval.iso); announce to the staff by \(deadline.iso) (§7.7).")
        if !rosterChecked { print("No roster (none given with --roster, none in the store): participants were not checked.") }
        if problems.isEmpty && reading.issues.isEmpty { print("No problems.") }
        for problem in problems { print("  problem: \(problem)") }
        for issue in reading.issues { print("  row error: \(issue)") }
        if let applicantsLeftOut {
            print("Applicants in no course: \(applicantsLeftOut.isEmpty ? "none" : applicantsLeftOut.joined(separator: ", "))")
        }
    }
}
