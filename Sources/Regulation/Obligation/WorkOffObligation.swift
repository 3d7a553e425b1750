/// §8.1: the period an employee works off a course the university paid for.
public struct WorkOffObligation: Sendable, Equatable {
    /// The effective cost in tenge (the completion's cost, else the Plan's).
    public var costKZT: Int
    /// The course's completion date: the period starts here.
    public var start: CivilDate
    /// Nil when the cost is below every band (a free course): no obligation.
    public var months: Int?
    /// The same day of the month `months` later (the month's last day where it does not exist).
    public var end: CivilDate?

    /// False for a free or cheap course (below every band).
    public var hasObligation: Bool { months != nil }

    /// Days in the period (end − start), nil without an obligation.
    public var periodDays: Int? { end.map { start.days(to: $0) } }
}

/// Why employment ended before the period was worked off (§8, 1.1–1.2).
public enum EndReason: String, Sendable, CaseIterable, Codable {
    /// The employee resigned: reimburse in proportion to the part not worked (§8, 1.1).
    case resigned
    /// Dismissed on the employer's initiative: nothing to reimburse (§8, 1.2).
    case dismissed
    /// Dismissed for negative reasons (misconduct): excluded from 1.2, so 1.1 applies.
    case dismissedForCause = "dismissed-for-cause"
}

/// What an early end costs the employee.
public struct EarlyEnd: Sendable, Equatable {
    /// Why the employment ended.
    public var reason: EndReason
    /// The last day of employment.
    public var on: CivilDate
    /// Whole tenge.
    public var reimburseKZT: Int
    /// Days from leaving to the end of the period; nil without an obligation.
    public var daysNotWorked: Int?
    /// The rule applied, e.g. "§8, 1.1".
    public var section: String
}
