public import Foundation
import Mustache
import Regulation
import Staff
import Store
public import Wording

/// A tenge amount in a template context; rendered as DSHR writes money ("150 000 тг").
public struct Tenge: Sendable, Equatable {
    /// Whole tenge.
    public var amount: Int
    /// An amount of `amount` tenge.
    public init(_ amount: Int) { self.amount = amount }
}

/// A size in bytes in a template context; rendered "10 МБ" / "10 MB".
public struct ByteCount: Sendable, Equatable {
    /// The size in bytes.
    public var bytes: Int
    /// A size of `bytes` bytes.
    public init(_ bytes: Int) { self.bytes = bytes }
}

/// A moment in a template ("2026 жылғы 12 мамыр, сағат 09:41"), on the university's clock (`bot.time_zone`); see `MailMoment`.
public struct MailTimestamp: Sendable, Equatable {
    /// The instant.
    public var date: Date
    /// The university's clock (`bot.time_zone`) the moment is shown on.
    public var timeZone: TimeZone
    /// The moment `date` on `timeZone`'s clock.
    public init(_ date: Date, in timeZone: TimeZone) {
        self.date = date
        self.timeZone = timeZone
    }

    /// The whole moment as mail and the console write it ("12 May 2026 at 09:41"): the one
    /// renderer of a moment (`MailMoment`, through `LongDate`).
    public func text(_ language: WordingLanguage) -> String { MailMoment(moment: self, language: language).renderText }
}

/// A date in a template. `{{deadline}}` is the nominative ("2026 жылғы 1 маусым",
/// "1 июня 2026 г.", "1 June 2026"); a Kazakh template picks the ending the next word wants:
/// `{{deadline.dat}} дейін`, `{{deadline.abl}} бастап`, `{{deadline.loc}}`, `{{deadline.gen}}`, `{{deadline.loc_attr}}` (маусымдағы).
struct MailDate: MustacheParent, MustacheCustomRenderable, CustomStringConvertible {
    let date: CivilDate
    let language: WordingLanguage

    func text(_ form: KazakhCase) -> String {
        LongDate.text(year: date.year, month: date.month, day: date.day, language: language, kazakhCase: form)
    }

    var renderText: String { text(.nominative) }
    var isNull: Bool { false }
    var description: String { renderText }

    func child(named name: String) -> Any? {
        switch name {
        case "nom": return text(.nominative)
        case "gen": return text(.genitive)
        case "dat": return text(.dative)
        case "loc": return text(.locative)
        case "abl": return text(.ablative)
        case "loc_attr": return text(.locativeAttributive)
        default: return nil
        }
    }
}

/// A number in a template. `{{count}}` is the number ("1 250"); `{{count.<noun>}}` the number
/// with the noun of `strings.json` in the form the number wants ("3 курса", "1 course");
/// `{{#count.one}}`, `.few`, `.many`, `.other` are the plural category, `{{#count.zero}}` is 0,
/// `{{#count.single}}` is exactly 1 (Kazakh's category is `one` after every number).
struct MailCount: MustacheParent, MustacheCustomRenderable, CustomStringConvertible {
    let value: Int
    let language: WordingLanguage
    let nouns: [String: NounForms]

    var renderText: String { Numbers.grouped(value) }
    var isNull: Bool { false }
    var description: String { renderText }

    func child(named name: String) -> Any? {
        if let forms = nouns[name] { return forms.counted(value, in: language) }
        if name == "zero" { return value == 0 }
        // Exactly one, whatever the language's plural rule ("this row" / "these rows").
        if name == "single" { return value == 1 }
        if let category = PluralCategory(rawValue: name) { return PluralCategory.of(value, in: language) == category }
        return nil
    }
}

/// Turns the typed values of a context into the reader's language: dates, counts, money and
/// sizes; adds the greeting (from `name`), the signature and the Regulation's terms.
enum MailValues {
    static func localize(_ context: [String: Any], language: WordingLanguage, strings: ReplyStrings,
                         signature: MailSignature) -> [String: Any] {
        var values = withPeriod(context, context.mapValues { localize(value: $0, language: language, strings: strings) },
                                language: language)
        if values["greeting"] == nil {
            values["greeting"] = PersonName.salutation(addressee(context["name"]), language: language)
        }
        values["signature"] = signature.values(language)
        values["term"] = Glossary.terms(in: language)
        return values
    }

    /// The name to greet: a roster person's given name and patronymic when the roster has
    /// them, else their full name split; a plain name split.
    static func addressee(_ name: Any?) -> PersonName? {
        if let person = name as? RosterPerson {
            if let given = person.givenName {
                let parsed = PersonName.parse(fullName: person.fullName)
                return PersonName(surname: parsed?.surname, given: given, patronymic: person.patronymic)
            }
            return PersonName.parse(fullName: person.fullName)
        }
        guard let text = name as? String, !text.isEmpty else { return nil }
        return PersonName.parse(fullName: text)
    }

    static func localize(value: Any, language: WordingLanguage, strings: ReplyStrings) -> Any {
        switch value {
        case let bool as Bool: return bool
        case let person as RosterPerson: return person.fullName
        case let number as Int: return MailCount(value: number, language: language, nouns: strings.nouns ?? [:])
        case let date as CivilDate: return MailDate(date: date, language: language)
        case let moment as MailTimestamp: return MailMoment(moment: moment, language: language)
        case let money as Tenge: return Numbers.tenge(money.amount, language: language)
        case let size as ByteCount: return Numbers.fileSize(size.bytes, language: language)
        case let issue as RowIssue: return Reasons.text(issue, strings: strings)
        case let issue as RosterIssue: return Reasons.text(issue, strings: strings)
        case let term as GlossaryTerm: return Glossary.term(term.key, in: language)
        case let column as TableColumn: return Reasons.column(column.key, strings: strings)
        case let reason as WordedReason: return strings.reason(reason.key) ?? strings.reason("failure.unknown") ?? ""
        case let dictionary as [String: Any]:
            return withPeriod(dictionary, dictionary.mapValues { localize(value: $0, language: language, strings: strings) },
                              language: language)
        case let array as [[String: Any]]:
            return array.map { withPeriod($0, $0.mapValues { localize(value: $0, language: language, strings: strings) },
                                          language: language) }
        case let array as [Any]:
            return array.map { localize(value: $0, language: language, strings: strings) }
        default: return value
        }
    }
}

extension MailValues {
    /// `{{period}}` beside `start_date` and `end_date`: the span as a person writes it
    /// ("14 September – 30 October 2026"), the shared year said once.
    static func withPeriod(_ original: [String: Any], _ localized: [String: Any], language: WordingLanguage) -> [String: Any] {
        guard localized["period"] == nil, let start = original["start_date"] as? CivilDate,
              let end = original["end_date"] as? CivilDate else { return localized }
        var values = localized
        values["period"] = LongDate.period(from: (start.year, start.month, start.day), to: (end.year, end.month, end.day),
                                           language: language)
        return values
    }
}

extension RosterPerson.Language {
    var wording: WordingLanguage { WordingLanguage(rawValue: rawValue) ?? .kk }
}
