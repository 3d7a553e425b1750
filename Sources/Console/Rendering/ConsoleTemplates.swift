public import CivilCalendar
public import Foundation
public import Staff
import Mustache
import Store

/// The pages' templates (`templates/console/*.mustache`, one set for all languages: the words
/// come from `strings/<lang>.yml`) and the stylesheet. Everything is read once, at start.
///
/// Mustache's `{{ }}` escapes every value; the templates never use `{{{ }}}`, so a course
/// title or a file name that holds markup is shown as text.
public struct ConsoleTemplates: Sendable {
    let library: MustacheLibrary
    let strings: [RosterPerson.Language: ConsoleStrings]
    /// The console's CSS, served as is.
    public let stylesheet: Data

    static let pages = ["layout", "sign_in", "sign_in_sent", "sign_in_confirm", "message", "overview", "units", "unit",
                        "person", "plan", "completions", "compliance", "messages", "message_detail"]

    /// Reads the templates in `directory`; moments are shown on `timeZone`'s clock (`bot.time_zone`).
    public init(directory: URL, timeZone: TimeZone = UniversityTimeZone.default) throws {
        var library = MustacheLibrary()
        for name in Self.pages {
            let url = directory.appendingPathComponent(name + ".mustache")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw ConsoleError.templates("\(url.path) is missing")
            }
            do {
                try library.register(text, named: name)
            } catch {
                throw ConsoleError.templates("\(url.path) is not valid Mustache: \(error)")
            }
        }
        self.library = library
        var strings: [RosterPerson.Language: ConsoleStrings] = [:]
        for language in RosterPerson.Language.allCases {
            var loaded = try ConsoleStrings.load(directory: directory, language: language)
            loaded.timeZone = timeZone
            strings[language] = loaded
        }
        self.strings = strings
        let css = directory.appendingPathComponent("console.css")
        guard let stylesheet = FileManager.default.contents(atPath: css.path) else {
            throw ConsoleError.templates("\(css.path) is missing")
        }
        self.stylesheet = stylesheet
    }

    /// The strings of `language`; empty ones (keys shown as they are) when the language has no file.
    public func strings(_ language: RosterPerson.Language) -> ConsoleStrings {
        strings[language] ?? ConsoleStrings(language: language, texts: [:])
    }

    /// Renders page `name` with `values`; `t` (the language's words) is added.
    func render(_ name: String, language: RosterPerson.Language, values: [String: Any]) -> String {
        var values = values
        let words = strings(language)
        values["t"] = words.texts
        // Mustache cannot look a key up by a value: the message page's text is found here.
        if let key = values["message_key"] as? String { values["message"] = words[key] }
        values["lang"] = language.rawValue
        return library.render(MustacheTree.of(values) ?? values, withTemplate: name) ?? ""
    }
}
