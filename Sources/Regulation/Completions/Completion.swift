/// A course result DSHR reports (DESIGN.md "Completions").
public enum CompletionStatus: String, NamedValue, Codable {
    case completed, failed
    case withdrewValidReason = "withdrew_valid_reason"

    /// The spellings a Plan or completions table may use for this value, in Kazakh, Russian and English.
    public var names: [String] {
        switch self {
        case .completed: return ["завершил", "окончил", "прошел", "аяқтады", "бітірді", "complete"]
        case .failed: return ["не завершил", "отчислен", "аяқтамады", "шығарылды", "fail"]
        case .withdrewValidReason: return ["уважительная причина", "выбыл по уважительной причине",
                                           "дәлелді себеппен", "дәлелді себеп", "withdrew"]
        }
    }
}

/// One row of a completions list, as written (hours and cost may be absent).
public struct CompletionRecord: Sendable, Equatable {
    /// The row a person sees (header = 1).
    public var row: Int
    /// The course the row reports on.
    public var courseID: String
    /// Lower-cased and trimmed.
    public var participantEmail: String
    /// Completed, failed, or withdrew for a valid reason.
    public var status: CompletionStatus
    /// The day the course was completed or left.
    public var completionDate: CivilDate
    /// Nil: the Plan's value applies.
    public var hours: Int?
    /// Whole tenge. Nil: the Plan's value applies.
    public var costKZT: Int?

    /// A record as read from row `row`.
    public init(row: Int, courseID: String, participantEmail: String, status: CompletionStatus,
                completionDate: CivilDate, hours: Int? = nil, costKZT: Int? = nil) {
        self.row = row
        self.courseID = courseID
        self.participantEmail = EmailAddress.normalize(participantEmail)
        self.status = status
        self.completionDate = completionDate
        self.hours = hours
        self.costKZT = costKZT
    }
}

/// What follows from a result.
public enum CompletionOutcome: Sendable, Equatable {
    /// §7.16: a certificate with the hours; §8: the work-off obligation (none for a free course).
    case certificate(obligation: WorkOffObligation)
    /// §7.14, second paragraph: expelled without a valid reason, reimburses the whole effective cost.
    case expulsionReimburse(amountKZT: Int)
    /// §7.15, second paragraph: a valid reason, admitted to the next courses.
    case readmission

    /// The names samples/cycle/expected.json uses.
    public var key: String {
        switch self {
        case .certificate: return "certificate"
        case .expulsionReimburse: return "expulsion_reimburse"
        case .readmission: return "readmission"
        }
    }
}

/// A result with the Plan's defaults applied and its outcome.
public struct CompletionResult: Sendable, Equatable {
    /// The row as read.
    public var record: CompletionRecord
    /// The effective values: the row's, else the Plan's.
    public var hours: Int
    /// Whole tenge.
    public var costKZT: Int
    /// What follows: a certificate, a reimbursement or readmission.
    public var outcome: CompletionOutcome
}
