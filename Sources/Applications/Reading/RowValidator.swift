import Documents

/// Turns one employee row into a normalised record and its problems (samples/README.md).
struct RowValidator {
    let columns: [ColumnMeaning: Int]
    /// Surname, given name and patronymic columns when the name is split (see `HeaderLayout`).
    var nameParts: [Int] = []
    let receivedOn: CalendarDay
    let limits: ApplicationLimits
    /// `columns` by meaning, looked up once: a `ColumnMeaning` key hashes its raw String, and
    /// the validator asks for every meaning of every row.
    private let column: Columns

    private struct Columns {
        var no, school, fullName, trainingDirection, programme, lastCourse, lastCourseDate, lastCourseHours, phone, email: Int?

        init(_ columns: [ColumnMeaning: Int]) {
            no = columns[.no]
            school = columns[.school]
            fullName = columns[.fullName]
            trainingDirection = columns[.trainingDirection]
            programme = columns[.programme]
            lastCourse = columns[.lastCourse]
            lastCourseDate = columns[.lastCourseDate]
            lastCourseHours = columns[.lastCourseHours]
            phone = columns[.phone]
            email = columns[.email]
        }
    }

    init(columns: [ColumnMeaning: Int], nameParts: [Int] = [], receivedOn: CalendarDay, limits: ApplicationLimits) {
        self.columns = columns
        self.nameParts = nameParts
        self.receivedOn = receivedOn
        self.limits = limits
        column = Columns(columns)
    }

    struct Outcome {
        var row: ApplicationRow
        /// The address to check for duplicates, when it is valid.
        var validEmail: String?
        /// Problems in the record's field order; the duplicate check comes later.
        var problems: [(ColumnMeaning, RowProblem.Problem)]
    }

    /// The name joined from its parts, when the table splits it over several columns.
    private func fullName(_ content: RowContent) -> String? {
        guard nameParts.count >= 2 else { return nil }
        var parts: [String] = []
        for column in nameParts {
            guard let text = content.text(at: column) else { continue }
            // A name merged over the columns the label spans is one name, not two copies.
            if content.cell(at: column).isMergedCopy, parts.last == text { continue }
            parts.append(text)
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    func validate(_ content: RowContent) -> Outcome {
        func value(_ column: Int?) -> CellValue {
            column.map { content.cell(at: $0).value } ?? .empty
        }
        // The row's texts are already normalised (RowContent): shared, not made again.
        func text(_ column: Int?) -> String? { column.flatMap(content.text(at:)) }

        var row = ApplicationRow(
            no: SerialNumber.parse(value(column.no)),
            school: text(column.school), fullName: fullName(content) ?? text(column.fullName),
            trainingDirection: text(column.trainingDirection), programme: text(column.programme),
            lastCourse: text(column.lastCourse), phone: PhoneNumber.normalise(value(column.phone)))
        var problems: [(ColumnMeaning, RowProblem.Problem)] = []

        if row.fullName == nil { problems.append((.fullName, .missing)) }

        switch CourseDate.parse(value(column.lastCourseDate), earliestYear: limits.earliestCourseYear) {
        case .empty: break
        case .invalid: problems.append((.lastCourseDate, .invalid))
        case .date(let day):
            if day > receivedOn { problems.append((.lastCourseDate, .future)) } else { row.lastCourseDate = day.iso }
        }

        switch CourseHours.parse(value(column.lastCourseHours), range: limits.hoursRange) {
        case .empty: break
        case .hours(let hours): row.lastCourseHours = hours
        case .invalid: problems.append((.lastCourseHours, .invalid))
        case .outOfRange: problems.append((.lastCourseHours, .outOfRange))
        }

        var validEmail: String?
        switch EmailAddress.check(value(column.email)) {
        case .missing: problems.append((.email, .missing))
        case .invalid(let address):
            row.email = address
            problems.append((.email, .invalid))
        case .valid(let address):
            row.email = address
            validEmail = address
        }
        return Outcome(row: row, validEmail: validEmail, problems: problems)
    }
}
