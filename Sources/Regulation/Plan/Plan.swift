/// A participant in a course: one row of the Plan.
public struct Assignment: Sendable, Equatable {
    /// The course the row assigns to.
    public var courseID: String
    /// Lower-cased and trimmed (addresses match case-insensitively).
    public var participantEmail: String
    /// The row a person sees in the file (header = 1), for messages.
    public var row: Int

    /// An assignment read from row `row`.
    public init(courseID: String, participantEmail: String, row: Int) {
        self.courseID = courseID
        self.participantEmail = participantEmail
        self.row = row
    }
}

/// The professional development Plan for an academic year (§7.5–§7.8).
public struct Plan: Sendable, Equatable {
    /// In the order they first appear.
    public var courses: [Course]
    /// One per row, in file order.
    public var assignments: [Assignment]

    /// A Plan of `courses` and their `assignments`.
    public init(courses: [Course], assignments: [Assignment]) {
        self.courses = courses
        self.assignments = assignments
    }

    /// The course with this identifier, nil when the Plan has none.
    public func course(id: String) -> Course? { courses.first { $0.id == id } }

    /// Distinct participant addresses, the unknown ones included.
    public var participants: Set<String> { Set(assignments.map(\.participantEmail)) }

    /// The addresses assigned to the course, in row order.
    public func participants(of courseID: String) -> [String] {
        assignments.filter { $0.courseID == courseID }.map(\.participantEmail)
    }
}
