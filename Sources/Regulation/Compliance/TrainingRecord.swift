/// A completed course in someone's training history (the store keeps these; a certificate adds one).
public struct TrainingRecord: Sendable, Equatable, Codable {
    public var participantEmail: String
    public var courseID: String
    public var completionDate: CivilDate
    public var hours: Int
    /// Nil for history imported from before cpdbot (Appendix 1's "last course" has no group).
    public var group: CompetencyGroup?
    public var kind: CourseKind?

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
    public enum Kind: String, Sendable, Codable {
        /// §6.3.1: PPS with too few hours in the period.
        case ppsHoursBelowMinimum = "pps_hours_below_minimum"
        /// §6.3.2: leadership without management training in the period.
        case leadershipWithoutManagementTraining = "leadership_without_management_training"
    }

    public var participantEmail: String
    public var kind: Kind
    /// The period looked at: `since` to the as-of date, both included.
    public var since: CivilDate
    /// PPS: the hours that count under the policy's reading (the total, or the longest single course).
    public var hoursCounted: Int?
    public var hoursRequired: Int?
    public var section: String
}
