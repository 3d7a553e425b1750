/// One valid employee row of an application, normalised (samples/README.md, "what a parsed row is").
public struct ApplicationRow: Sendable, Equatable, Hashable, Codable {
    /// The row's number column, when the file has one.
    public var no: Int?
    /// The school (faculty), as written.
    public var school: String?
    /// The employee's full name, joined when the table splits it over columns.
    public var fullName: String?
    /// The training direction, as written.
    public var trainingDirection: String?
    /// The programme asked for, as written.
    public var programme: String?
    /// The title of the employee's last course.
    public var lastCourse: String?
    /// ISO `yyyy-mm-dd`.
    public var lastCourseDate: String?
    /// The last course's academic hours.
    public var lastCourseHours: Int?
    /// E.164 (`+7XXXXXXXXXX`) when the digits allow it, else the text as written.
    public var phone: String?
    /// Trimmed and lowercased.
    public var email: String?

    /// A row; fields the file lacks stay nil.
    public init(no: Int? = nil, school: String? = nil, fullName: String? = nil,
                trainingDirection: String? = nil, programme: String? = nil, lastCourse: String? = nil,
                lastCourseDate: String? = nil, lastCourseHours: Int? = nil,
                phone: String? = nil, email: String? = nil) {
        self.no = no
        self.school = school
        self.fullName = fullName
        self.trainingDirection = trainingDirection
        self.programme = programme
        self.lastCourse = lastCourse
        self.lastCourseDate = lastCourseDate
        self.lastCourseHours = lastCourseHours
        self.phone = phone
        self.email = email
    }

    // The record's keys are the ten columns' names: one list, so the two cannot drift apart.
    typealias CodingKeys = ColumnMeaning

    /// Writes every key, `null` included, so the record always has the same shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(no, forKey: .no)
        try container.encode(school, forKey: .school)
        try container.encode(fullName, forKey: .fullName)
        try container.encode(trainingDirection, forKey: .trainingDirection)
        try container.encode(programme, forKey: .programme)
        try container.encode(lastCourse, forKey: .lastCourse)
        try container.encode(lastCourseDate, forKey: .lastCourseDate)
        try container.encode(lastCourseHours, forKey: .lastCourseHours)
        try container.encode(phone, forKey: .phone)
        try container.encode(email, forKey: .email)
    }
}
