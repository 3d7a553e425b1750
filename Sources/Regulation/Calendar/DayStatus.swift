/// Whether a day is worked, and why (for explanations such as the §7.7 preview).
public struct DayStatus: Sendable, Equatable, CustomStringConvertible {
    /// Why a day is worked or not.
    public enum Reason: Sendable, Equatable {
        case workingDay
        case weekend
        case holiday(name: String)
        /// A holiday that fell on a weekend, carried over to this day.
        case carryOver(of: String, from: CivilDate)
        /// A day off that is never carried over (7 January, the first day of Kurban Ait).
        case dayOffNotMoved(name: String)
        /// The first day of Kurban Ait: a day off on its lunar date, never carried over.
        case kurbanAit(name: String)
        case transferredDayOff(note: String)
        case transferredWorkingDay(note: String)
    }

    /// The day.
    public var date: CivilDate
    /// Why it is (not) worked.
    public var reason: Reason

    /// True for a Monday-to-Friday working day and for a transferred working day.
    public var isWorkingDay: Bool {
        switch reason {
        case .workingDay, .transferredWorkingDay: return true
        default: return false
        }
    }

    /// E.g. "2025-03-24 Mon: carry-over of Nauryz (Sat 22 Mar)".
    public var description: String {
        "\(date.iso) \(date.weekday.rawValue): " + label
    }

    /// The reason in English words, e.g. "weekend" or the holiday's name.
    public var label: String {
        switch reason {
        case .workingDay: return "working day"
        case .weekend: return "weekend"
        case .holiday(let name): return name
        case let .carryOver(name, from):
            return "carry-over of \(name) (\(from.weekday.rawValue) \(from.day) \(DayStatus.monthNames[from.month - 1]))"
        case .dayOffNotMoved(let name): return "\(name) (not carried over)"
        case .kurbanAit(let name): return name
        case .transferredDayOff(let note), .transferredWorkingDay(let note): return note
        }
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
