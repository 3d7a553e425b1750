/// The ten columns of Appendix 1 (REGULATION.md), named as the JSON record names them.
/// Their declaration order is the record's key order and the order problems are listed in;
/// they are `ApplicationRow`'s coding keys.
public enum ColumnMeaning: String, Sendable, Hashable, CaseIterable, Codable, Comparable, CodingKey {
    case no
    case school
    case fullName = "full_name"
    case trainingDirection = "training_direction"
    case programme
    case lastCourse = "last_course"
    case lastCourseDate = "last_course_date"
    case lastCourseHours = "last_course_hours"
    case phone
    case email

    /// The order of the columns in samples/README.md's rows, for stable output.
    public static func < (lhs: ColumnMeaning, rhs: ColumnMeaning) -> Bool {
        order(of: lhs) < order(of: rhs)
    }

    private static func order(of meaning: ColumnMeaning) -> Int {
        allCases.firstIndex(of: meaning) ?? 0
    }
}
