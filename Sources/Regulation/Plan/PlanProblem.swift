/// What the §5.3 / §6.5 / roster checks find in a Plan. The kinds are the names
/// samples/cycle/README.md gives them; the preview and `plan check --json` use them as is.
public struct PlanProblem: Sendable, Hashable, CustomStringConvertible {
    /// What is wrong; the raw values are samples/cycle/README.md's names.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// §5.3: the course's group is not one of its audience's groups.
        case groupNotInAudience = "group_not_in_audience"
        /// §6.5: fewer hours than the minimum for the place and term.
        case hoursBelowMinimum = "hours_below_minimum"
        /// §6.5: a long course abroad lasts more than one year.
        case abroadLongOverOneYear = "abroad_long_over_one_year"
        /// §6.5 has no medium term abroad.
        case abroadMedium = "abroad_medium"
        case participantNotInRoster = "participant_not_in_roster"
        /// The participant's roster category is not the course's audience.
        case categoryMismatch = "category_mismatch"

        /// Course-level kinds carry no participant.
        public var isCourseLevel: Bool {
            switch self {
            case .groupNotInAudience, .hoursBelowMinimum, .abroadLongOverOneYear, .abroadMedium: return true
            case .participantNotInRoster, .categoryMismatch: return false
            }
        }
    }

    /// The course concerned.
    public var courseID: String
    /// Lower-cased; nil for the course-level kinds.
    public var participantEmail: String?
    /// What is wrong.
    public var kind: Kind
    /// One English sentence with the numbers, for operators and the CLI.
    public var detail: String

    /// A problem with a course, or with one participant of it.
    public init(courseID: String, participantEmail: String? = nil, kind: Kind, detail: String) {
        self.courseID = courseID
        self.participantEmail = participantEmail
        self.kind = kind
        self.detail = detail
    }

    /// `course participant: kind: detail`, for operators and the CLI.
    public var description: String {
        "\(courseID)\(participantEmail.map { " \($0)" } ?? ""): \(kind.rawValue): \(detail)"
    }
}
