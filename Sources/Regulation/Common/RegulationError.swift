/// Everything the Regulation module can refuse, each case saying what to fix.
public enum RegulationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The holiday calendar has no entry for a year a computation needs (no silent guess).
    case calendarYearMissing(year: Int, file: String)
    /// The year is in the calendar but the first day of Kurban Ait is not announced yet,
    /// and the date asked about falls where it may be.
    case kurbanAitNotAnnounced(year: Int, date: CivilDate, file: String)
    /// A configuration file (policy.yml, holidays-kz.yml) has a bad or unknown value.
    case invalidConfiguration(file: String, key: String, line: Int?, problem: String)
    /// A caller passed a value the rules cannot work with (e.g. 0 working days).
    case invalidArgument(String)
    /// A table holds no header row with the columns a Plan or completions list needs.
    case headerNotFound(table: String, missing: [String])
    /// An input exceeds an explicit limit.
    case limitExceeded(what: String, actual: Int, maximum: Int)

    /// What is wrong, with the value and what is expected.
    public var description: String {
        switch self {
        case let .calendarYearMissing(year, file):
            return "the holiday calendar \(file) has no entry for \(year); add the year's public holidays, "
                + "Kurban Ait and the ministry's transfers of days off under `years:`"
        case let .kurbanAitNotAnnounced(year, date, file):
            return "\(date.iso) may be the first day of Kurban Ait, which \(file) does not give for \(year) yet; "
                + "add `kurban_ait:` for \(year) once it is announced"
        case let .invalidConfiguration(file, key, line, problem):
            let place = line.map { " line \($0)" } ?? ""
            return "\(file)\(place): \(key): \(problem)"
        case let .invalidArgument(text):
            return text
        case let .headerNotFound(table, missing):
            return "\(table): no header row with the columns " + missing.joined(separator: ", ")
                + " was found; put the column names in one row above the data"
        case let .limitExceeded(what, actual, maximum):
            return "\(what) is \(actual); the maximum is \(maximum)"
        }
    }
}
