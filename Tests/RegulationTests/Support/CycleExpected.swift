/// The parts of samples/cycle/expected.json this module answers.
struct CycleExpected: Decodable {
    struct Problem: Decodable, Hashable {
        var course_id: String
        var participant_email: String?
        var kind: String
    }

    struct PlanRecord: Decodable {
        var file: String
        var approval_line: String
        var approval_date: String
        var deadline: String
        var courses: Int
        var participants: Int
        var assignments: Int
        var problems: [Problem]
    }

    struct CompletionRow: Decodable {
        var row: Int
        var course_id: String
        var participant_email: String
        var status: String
        var completion_date: String
        var hours: Int
        var cost_kzt: Int
        var outcome: String
        var obligation_months: Int?
        var obligation_end: String?
        var reimburse_kzt: Int?
    }

    struct CompletionsRecord: Decodable {
        var file: String
        var plan: String
        var rows: [CompletionRow]
    }

    struct Deadline: Decodable, CustomStringConvertible {
        var approval_date: String
        var weekday: String
        var approval_day_is_working_day: Bool
        var deadline: String
        var deadline_weekday: String
        var weekdays_off_skipped: [String]
        var weekend_working_days_counted: [String]?
        var description: String { "approved \(approval_date)" }
    }

    struct Obligation: Decodable, CustomStringConvertible {
        var cost: Int
        var start: String
        var end_reason: String?
        var on: String?
        var months: Int?
        var end: String?
        var reimburse_kzt: Int?
        var period_days: Int?
        var days_not_worked: Int?
        var description: String { "\(cost) from \(start) \(end_reason ?? "") \(on ?? "")" }
    }

    var plans: [PlanRecord]
    var completions: [CompletionsRecord]
    var deadlines: [Deadline]
    var obligations: [Obligation]
}
