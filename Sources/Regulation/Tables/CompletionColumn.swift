/// The completions list's columns; `hours` and `cost_kzt` may be missing (the Plan's apply).
enum CompletionColumn: String, TableColumn {
    case courseID = "course_id", participantEmail = "participant_email", status
    case completionDate = "completion_date", hours, costKZT = "cost_kzt"

    var isRequired: Bool { self != .hours && self != .costKZT }

    var names: [String] {
        switch self {
        case .courseID: return PlanColumn.courseID.names
        case .participantEmail: return PlanColumn.participantEmail.names
        case .status: return ["result", "outcome", "статус", "результат", "итог", "нәтиже", "мәртебе", "күйі"]
        case .completionDate: return ["date", "completed on", "end date", "дата завершения", "дата окончания", "дата",
                                      "аяқталу күні", "аяқтаған күні", "күні"]
        case .hours: return PlanColumn.hours.names
        case .costKZT: return PlanColumn.costKZT.names
        }
    }
}
