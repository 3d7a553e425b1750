/// One course of the Plan: the fields that repeat, identically, on each of its rows.
public struct Course: Sendable, Equatable {
    /// The course's identifier as the Plan gives it; rows sharing it are one course.
    public var id: String
    /// The title as printed on certificates.
    public var title: String
    /// §5.3 competency group.
    public var group: CompetencyGroup
    /// §2: teaching or administrative staff.
    public var audience: Audience
    /// §6.6 kind.
    public var kind: CourseKind
    /// In Kazakhstan or abroad (§6.5).
    public var location: CourseLocation
    /// Short, medium or long (§6.5).
    public var term: CourseTerm
    /// Whole academic hours.
    public var hours: Int
    /// The first day of the course.
    public var startDate: CivilDate
    /// The last day; completions count from it.
    public var endDate: CivilDate
    /// The language the course is taught in.
    public var language: TeachingLanguage
    /// On site, online or both.
    public var delivery: Delivery
    /// Whole tenge; 0 means free for the university (no §8 obligation).
    public var costKZT: Int

    /// A course with every field given.
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
