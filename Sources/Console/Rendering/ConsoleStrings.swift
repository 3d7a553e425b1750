import Bot
import CivilCalendar
public import Foundation
public import Staff
public import Regulation
import Store
import Wording
import YAMLFiles

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
        // Through the one YAML reader: a broken file names its line, a key that is not a text names the key.
        var texts: [String: String] = [:]
        for (key, value) in try YAMLNode<ConsoleError>.parse(text, file: url.path).entries() {
            texts[key] = try value.string()
        }
        return ConsoleStrings(language: language, texts: texts)
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
        MailTimestamp(date, in: timeZone).text(wording)
    }

    /// `value` with its thousands grouped, as the mail writes numbers.
    public func number(_ value: Int) -> String { Numbers.grouped(value) }

    /// A Regulation term (`Glossary`), e.g. "plan".
    public func term(_ key: String) -> String { Glossary.term(key, in: wording) }
}
