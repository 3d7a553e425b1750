/// One course of the Plan: the fields that repeat, identically, on each of its rows.
public struct Course: Sendable, Equatable {
    public var id: String
    public var title: String
    public var group: CompetencyGroup
    public var audience: Audience
    public var kind: CourseKind
    public var location: CourseLocation
    public var term: CourseTerm
    /// Whole academic hours.
    public var hours: Int
    public var startDate: CivilDate
    public var endDate: CivilDate
    public var language: TeachingLanguage
    public var delivery: Delivery
    /// Whole tenge; 0 means free for the university (no §8 obligation).
    public var costKZT: Int

    public init(id: String, title: String, group: CompetencyGroup, audience: Audience, kind: CourseKind,
                location: CourseLocation, term: CourseTerm, hours: Int, startDate: CivilDate, endDate: CivilDate,
                language: TeachingLanguage, delivery: Delivery, costKZT: Int) {
        self.id = id
        self.title = title
        self.group = group
        self.audience = audience
        self.kind = kind
        self.location = location
        self.term = term
        self.hours = hours
        self.startDate = startDate
        self.endDate = endDate
        self.language = language
        self.delivery = delivery
        self.costKZT = costKZT
    }
}
