public import Documents

/// A Plan read from a document, with the rows that could not be taken as they are.
public struct PlanReading: Sendable, Equatable {
    /// The courses and their participants.
    public var plan: Plan
    /// Every row issue, in row order. Rows with an issue in a course field still count as
    /// assignments when the course could be identified, so the figures match the file.
    public var issues: [RowIssue]
    /// The table the Plan was found in (sheet name).
    public var tableName: String
}

/// Document → Plan, by meaning: headers in kk/ru/en in any order below title rows; values as
/// keys or names; dates as ISO, DD.MM.YYYY or spreadsheet dates.
public struct PlanTableReader: Sendable {
    /// Caps on the table read (header search, rows, cell length).
    public var limits: TableReadingLimits

    /// A reader with the given limits.
    public init(limits: TableReadingLimits = .init()) {
        self.limits = limits
    }

    /// Reads the first table (visible ones first) that has a Plan header.
    public func read(_ document: Document) throws(RegulationError) -> PlanReading {
        try document.firstReadable(read, none: .headerNotFound(table: "the document", missing: PlanColumn.allCases.map(\.rawValue)))
    }

    /// The Plan of one table; throws when no header is found or a limit is passed.
    public func read(_ table: Table) throws(RegulationError) -> PlanReading {
        let header = try HeaderMap<PlanColumn>.find(in: table, searchRows: limits.headerSearchRows)
        let dataRows = table.rows.dropFirst(header.headerIndex + 1)
        guard dataRows.count <= limits.maxRows else {
            throw .limitExceeded(what: "the number of rows in \(table.name)", actual: dataRows.count, maximum: limits.maxRows)
        }
        var courses: [Course] = []
        var courseRows: [String: (index: Int, row: Int)] = [:]
        var assignments: [Assignment] = []
        var issues: [RowIssue] = []

        for row in dataRows where !row.isBlank && !header.isRepeatedHeader(row) {
            var reader = RowReader(row: row, header: header, limits: limits)
            let email = reader.email(.participantEmail)
            let courseID = reader.text(.courseID)
            let course = courseID.flatMap { id in readCourse(id: id, &reader) }
            if let id = courseID {
                if let known = courseRows[id] {
                    if let course { compare(course, with: courses[known.index], firstRow: known.row, &reader) }
                } else if let course {
                    courseRows[id] = (courses.count, row.number)
                    courses.append(course)
                }
                if let email, courseRows[id] != nil {
                    assignments.append(Assignment(courseID: id, participantEmail: email, row: row.number))
                }
            }
            issues += reader.issues
        }
        return PlanReading(plan: Plan(courses: courses, assignments: assignments), issues: issues, tableName: table.name)
    }

    private func readCourse(id: String, _ r: inout RowReader<PlanColumn>) -> Course? {
        let title = r.isBlank(.title) ? "" : r.text(.title)
        let group = r.named(.competencyGroup, as: CompetencyGroup.self)
        let audience = r.named(.audience, as: Audience.self)
        let kind = r.named(.kind, as: CourseKind.self)
        let location = r.named(.location, as: CourseLocation.self)
        let term = r.named(.term, as: CourseTerm.self)
        let hours = r.wholeNumber(.hours, maximum: limits.maxHours)
        let start = r.date(.startDate)
        let end = r.date(.endDate)
        let language = r.named(.language, as: TeachingLanguage.self)
        let delivery = r.named(.delivery, as: Delivery.self)
        let cost = r.wholeNumber(.costKZT, maximum: limits.maxCostKZT)
        if let start, let end, end < start {
            r.report(.endDate, r.cell(.endDate), .invalidValue, "ends before it starts (\(start.iso))")
            return nil
        }
        guard let title, let group, let audience, let kind, let location, let term, let hours, let start, let end,
              let language, let delivery, let cost else { return nil }
        return Course(id: id, title: title, group: group, audience: audience, kind: kind, location: location,
                      term: term, hours: hours, startDate: start, endDate: end, language: language,
                      delivery: delivery, costKZT: cost)
    }

    /// The course fields repeat on every row of the course; a row that differs is reported
    /// and the first row's values are kept.
    private func compare(_ course: Course, with first: Course, firstRow: Int, _ r: inout RowReader<PlanColumn>) {
        let fields: [(PlanColumn, Bool)] = [
            (.title, course.title == first.title), (.competencyGroup, course.group == first.group),
            (.audience, course.audience == first.audience), (.kind, course.kind == first.kind),
            (.location, course.location == first.location), (.term, course.term == first.term),
            (.hours, course.hours == first.hours), (.startDate, course.startDate == first.startDate),
            (.endDate, course.endDate == first.endDate), (.language, course.language == first.language),
            (.delivery, course.delivery == first.delivery), (.costKZT, course.costKZT == first.costKZT),
        ]
        for (column, same) in fields where !same {
            r.report(column, r.cell(column), .inconsistentCourse,
                     "differs from row \(firstRow) of course \(course.id); the course's fields must be the same on each of its rows")
        }
    }
}
