import CivilCalendar
public import Foundation
public import Staff
public import Regulation
import Store
import Wording
import Yams

/// The console's words in one language: `templates/console/strings/<lang>.yml`, a flat map
/// of keys to texts, plus dates and counts written the way the mail writes them (`Wording`).
public struct ConsoleStrings: Sendable {
    /// The language of the texts.
    public let language: RosterPerson.Language
    let texts: [String: String]
    /// The university's clock (`bot.time_zone`), for the moments the pages show.
    public var timeZone: TimeZone = UniversityTimeZone.default

    /// Strings of `language`.
    public init(language: RosterPerson.Language, texts: [String: String]) {
        self.language = language
        self.texts = texts
    }

    /// Reads `<directory>/strings/<lang>.yml`.
    public static func load(directory: URL, language: RosterPerson.Language) throws -> ConsoleStrings {
        let url = directory.appendingPathComponent("strings/\(language.rawValue).yml")
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConsoleError.templates("\(url.path) cannot be read: \(error.localizedDescription); it ships in templates/console/strings/")
        }
        guard let map = try? Yams.load(yaml: text) as? [String: Any] else {
            throw ConsoleError.templates("\(url.path) is not a YAML mapping of keys to texts")
        }
        return ConsoleStrings(language: language, texts: map.compactMapValues { $0 as? String ?? ($0 as? Int).map(String.init) })
    }

    /// The text for `key`; a missing key shows as itself, which a test catches.
    public subscript(_ key: String) -> String { texts[key] ?? key }

    var wording: WordingLanguage { WordingLanguage(rawValue: language.rawValue) ?? .kk }

    /// `date` as people write it in the language (`LongDate`).
    public func date(_ date: CivilDate) -> String {
        LongDate.text(year: date.year, month: date.month, day: date.day, language: wording)
    }

    /// A moment on the university's clock (`bot.time_zone`), as the mail writes it.
    public func moment(_ date: Date) -> String {
        let local = LocalTime(date, in: timeZone)
        return LongDate.text(year: local.day.year, month: local.day.month, day: local.day.day, hour: local.hour,
                             minute: local.minute, language: wording)
    }

    /// `value` with its thousands grouped, as the mail writes numbers.
    public func number(_ value: Int) -> String { Numbers.grouped(value) }

    /// A Regulation term (`Glossary`), e.g. "plan".
    public func term(_ key: String) -> String { Glossary.term(key, in: wording) }
}
