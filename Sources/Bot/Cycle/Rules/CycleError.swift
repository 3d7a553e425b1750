/// What goes wrong in the cycle's mail (Plans, announcements, completions, reminders). Every
/// message names the file or the cycle and says what to do.
public enum CycleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// policy.yml or holidays-kz.yml cannot be used.
    case rules(String)
    /// No stored Plan for the cycle.
    case noPlan(cycle: String)
    /// A stored Plan file no longer reads (the store was edited by hand).
    case storedPlanUnreadable(path: String, detail: String)
    /// The attachment could not be turned into a workbook.
    case workbook(String)
    /// More recipients than the limit allows in one run.
    case tooMany(what: String, actual: Int, maximum: Int)

    /// What is wrong, with the file or value, and what to do.
    public var description: String {
        switch self {
        case let .rules(detail): return "cycle rules: \(detail)"
        case let .noPlan(cycle): return "no Plan is stored for \(cycle): DSHR sends it with [PLAN] in the subject first"
        case let .storedPlanUnreadable(path, detail):
            return "the stored Plan \(path) cannot be read (\(detail)); ask DSHR to send the Plan again"
        case let .workbook(detail): return "could not write the Plan workbook: \(detail)"
        case let .tooMany(what, actual, maximum): return "\(actual) \(what), more than the maximum of \(maximum)"
        }
    }
}
