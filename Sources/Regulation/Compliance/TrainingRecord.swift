/// A completed course in someone's training history (the store keeps these; a certificate adds one).
public struct TrainingRecord: Sendable, Equatable, Codable {
    /// Lower-cased and trimmed.
    public var participantEmail: String
    /// The course's identifier (the Plan's, or the imported one).
    public var courseID: String
    /// The day the course was completed.
    public var completionDate: CivilDate
    /// Academic hours completed.
    public var hours: Int
    /// Nil for history imported from before cpdbot (Appendix 1's "last course" has no group).
    public var group: CompetencyGroup?
    /// §6.6 kind; nil for imported history.
    public var kind: CourseKind?

    /// A record; group and kind are nil for imported history.
    public init(participantEmail: String, courseID: String, completionDate: CivilDate, hours: Int,
                group: CompetencyGroup? = nil, kind: CourseKind? = nil) {
        self.participantEmail = EmailAddress.normalize(participantEmail)
        self.courseID = courseID
        self.completionDate = completionDate
        self.hours = hours
        self.group = group
        self.kind = kind
    }
}

/// Someone who does not meet §6.3 on the as-of date.
public struct ComplianceFinding: Sendable, Equatable {
    /// Which rule is not met; the raw values are the JSON spelling.
    public enum Kind: String, Sendable, Codable {
        /// §6.3.1: PPS with too few hours in the period.
        case ppsHoursBelowMinimum = "pps_hours_below_minimum"
        /// §6.3.2: leadership without management training in the period.
        case leadershipWithoutManagementTraining = "leadership_without_management_training"
    }

    /// Lower-cased and trimmed.
    public var participantEmail: String
    /// Which rule is not met.
    public var kind: Kind
    /// The period looked at: `since` to the as-of date, both included.
    public var since: CivilDate
    /// PPS: the hours that count under the policy's reading (the total, or the longest single course).
    public var hoursCounted: Int?
    /// PPS: the minimum hours of the policy.
    public var hoursRequired: Int?
    /// The Regulation's section, e.g. "6.3.1".
    public var section: String
}
