import Foundation
public import Staff
import Store

/// Who is looking, and what they may see: DSHR everything, a head their own unit, everyone
/// their own record (roles from the roster; `bot.dshr` addresses are DSHR too).
public struct ConsoleViewer: Sendable, Equatable {
    /// What the viewer may see: everything (DSHR), their unit (head), their own record (staff).
    public enum Role: String, Sendable { case dshr, head, staff }

    /// The signed-in address.
    public var email: String
    /// The name from the roster.
    public var fullName: String
    /// What the viewer may see.
    public var role: Role
    /// The viewer's unit from the roster, when they have one.
    public var unit: String?
    /// The language pages are shown in, until the viewer picks another.
    public var language: RosterPerson.Language

    /// The viewer for `email`, or nil when neither the roster nor `bot.dshr` knows it.
    public static func resolve(email: String, roster: Roster, dshr: [String],
                               defaultLanguage: RosterPerson.Language) -> ConsoleViewer? {
        let email = email.lowercased()
        let person = roster.person(address: email)
        let isDSHR = dshr.contains { $0.lowercased() == email } || person?.role == .dshr
        if let person {
            let role: Role = isDSHR ? .dshr : (person.role == .head ? .head : .staff)
            return ConsoleViewer(email: email, fullName: person.fullName, role: role, unit: person.unit,
                                 language: person.language)
        }
        guard isDSHR else { return nil }
        return ConsoleViewer(email: email, fullName: email, role: .dshr, unit: nil, language: defaultLanguage)
    }

    /// The roster person the sign-in mail is addressed to (a `bot.dshr` address outside the
    /// roster gets a stand-in in the bot's language).
    func mailPerson(roster: Roster) -> RosterPerson {
        roster.person(address: email) ?? RosterPerson(
            email: email, fullName: fullName, category: .abp, unit: unit ?? "", role: .dshr, leadership: false,
            language: language)
    }

    /// Whether this viewer may see `unit`'s application.
    public func maySee(unit other: String) -> Bool {
        switch role {
        case .dshr: return true
        case .head: return unit == other
        case .staff: return false
        }
    }
}
