public import Foundation

/// One accepted employee of an application, as the store keeps it (the record of DESIGN.md
/// "Application records"). The Applications module has its own row type; the bot maps between them.
/// Two types on purpose: the store does not import the readers (Applications, Documents and their
/// C libraries), and this record adds where the row came from (unit, message, cycle). That the ten
/// shared fields stay the same is checked by `ApplicationRowMappingTests` (BotTests).
public struct StoredApplicationRow: Codable, Equatable, Hashable, Sendable {
    /// The row's number in the unit's file, when it had one.
    public var no: Int?
    /// The school (faculty) column as written.
    public var school: String?
    /// The employee's full name as written.
    public var fullName: String?
    /// The training direction column as written.
    public var trainingDirection: String?
    /// The programme asked for, as written.
    public var programme: String?
    /// The title of the employee's last course.
    public var lastCourse: String?
    /// `YYYY-MM-DD`.
    public var lastCourseDate: String?
    /// The last course's academic hours.
    public var lastCourseHours: Int?
    /// E.164 `+7XXXXXXXXXX`.
    public var phone: String?
    /// Lower case; the key of the row within its unit.
    public var email: String
    /// The roster unit of the person who submitted (the forwarded author for forwards).
    public var unit: String
    /// The address whose message brought the row (lower-cased).
    public var submittedBy: String
    /// The Message-ID of that message, in angle brackets.
    public var messageID: String
    /// When the message arrived.
    public var receivedAt: Date
    /// The attachment's file name, nil for a table in the body.
    public var sourceFile: String?
    /// The academic year, e.g. `2026-2027`.
    public var cycle: String
    /// True when it arrived after the cycle's deadline.
    public var late: Bool

    /// A row with every field given: the store never guesses one.
    public init(
        no: Int?, school: String?, fullName: String?, trainingDirection: String?, programme: String?,
        lastCourse: String?, lastCourseDate: String?, lastCourseHours: Int?, phone: String?, email: String,
        unit: String, submittedBy: String, messageID: String, receivedAt: Date, sourceFile: String?,
        cycle: String, late: Bool
    ) {
        self.no = no
        self.school = school
        self.fullName = fullName
        self.trainingDirection = trainingDirection
        self.programme = programme
        self.lastCourse = lastCourse
        self.lastCourseDate = lastCourseDate
        self.lastCourseHours = lastCourseHours
        self.phone = phone
        self.email = Self.lowercased(email)
        self.unit = unit
        self.submittedBy = Self.lowercased(submittedBy)
        self.messageID = messageID
        self.receivedAt = receivedAt
        self.sourceFile = sourceFile
        self.cycle = cycle
        self.late = late
    }

    /// `text.lowercased()`, without making a new string when it is lower-case ASCII already
    /// (addresses nearly always are, and a pass builds a few hundred rows per message).
    static func lowercased(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 && !(0x41...0x5A).contains($0) } ? text : text.lowercased()
    }

    /// The names of the content fields that differ, as the receipt lists them (record keys): what
    /// the head wrote about the employee, not where or when it came from.
    public func changedFields(from other: StoredApplicationRow) -> [String] {
        var fields: [String] = []
        if no != other.no { fields.append("no") }
        if school != other.school { fields.append("school") }
        if fullName != other.fullName { fields.append("full_name") }
        if trainingDirection != other.trainingDirection { fields.append("training_direction") }
        if programme != other.programme { fields.append("programme") }
        if lastCourse != other.lastCourse { fields.append("last_course") }
        if lastCourseDate != other.lastCourseDate { fields.append("last_course_date") }
        if lastCourseHours != other.lastCourseHours { fields.append("last_course_hours") }
        if phone != other.phone { fields.append("phone") }
        return fields
    }

    /// The record keys, in export order.
    public static let keys = [
        "no", "school", "full_name", "training_direction", "programme", "last_course", "last_course_date",
        "last_course_hours", "phone", "email", "unit", "submitted_by", "message_id", "received_at",
        "source_file", "cycle", "late",
    ]

    enum CodingKeys: String, CodingKey {
        case no, school, programme, phone, email, unit, cycle, late
        case fullName = "full_name"
        case trainingDirection = "training_direction"
        case lastCourse = "last_course"
        case lastCourseDate = "last_course_date"
        case lastCourseHours = "last_course_hours"
        case submittedBy = "submitted_by"
        case messageID = "message_id"
        case receivedAt = "received_at"
        case sourceFile = "source_file"
    }

    /// Writes nulls instead of omitting them, so that every record has every key.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(no, forKey: .no)
        try c.encode(school, forKey: .school)
        try c.encode(fullName, forKey: .fullName)
        try c.encode(trainingDirection, forKey: .trainingDirection)
        try c.encode(programme, forKey: .programme)
        try c.encode(lastCourse, forKey: .lastCourse)
        try c.encode(lastCourseDate, forKey: .lastCourseDate)
        try c.encode(lastCourseHours, forKey: .lastCourseHours)
        try c.encode(phone, forKey: .phone)
        try c.encode(email, forKey: .email)
        try c.encode(unit, forKey: .unit)
        try c.encode(submittedBy, forKey: .submittedBy)
        try c.encode(messageID, forKey: .messageID)
        try c.encode(receivedAt, forKey: .receivedAt)
        try c.encode(sourceFile, forKey: .sourceFile)
        try c.encode(cycle, forKey: .cycle)
        try c.encode(late, forKey: .late)
    }
}
