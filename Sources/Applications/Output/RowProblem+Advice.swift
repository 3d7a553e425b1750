extension ColumnMeaning {
    /// The column as a person knows it (English; the e-mail templates carry kk/ru/en wording).
    public var label: String {
        switch self {
        case .no: return "№"
        case .school: return "School / unit"
        case .fullName: return "Full name"
        case .trainingDirection: return "Field of training"
        case .programme: return "Educational programme"
        case .lastCourse: return "Last course"
        case .lastCourseDate: return "Date of last course"
        case .lastCourseHours: return "Hours of last course"
        case .phone: return "Phone"
        case .email: return "E-mail"
        }
    }
}

extension RowProblem {
    /// What is wrong and what to do about it, in one English sentence.
    public var advice: String {
        switch (field, problem) {
        case (.fullName, _): return "the name is missing; write surname, name and patronymic"
        case (.email, .missing): return "the e-mail is missing; add the person's e-mail address"
        case (.email, .invalid): return "not a valid e-mail address; correct it (name@domain.kz)"
        case (.email, .duplicate): return "the same e-mail as an earlier row; each person needs their own address"
        case (.lastCourseDate, .future): return "the date is after the application was received; check the year"
        case (.lastCourseDate, _): return "not a real date; write it as dd.mm.yyyy"
        case (.lastCourseHours, .outOfRange): return "the hours are outside 1–2000; check the number"
        case (.lastCourseHours, _): return "not a whole number of hours; write digits only, e.g. 72"
        default: return "\(problem.rawValue); check the cell"
        }
    }
}
