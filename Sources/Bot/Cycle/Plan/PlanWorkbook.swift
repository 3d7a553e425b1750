import Documents
import Foundation
import Regulation
import Wording

/// The Plan as the xlsx file attached to the announcement every employee gets (§7.7): one row
/// per course, in the reader's language – column titles, the §5.3 group, audience, format,
/// place and dates as the Glossary words them. It never lists participants: the announcement
/// goes to all staff, and each person's own courses are in the body of their own mail.
enum PlanWorkbook {
    static let columns = ["plan.id", "plan.title", "plan.group", "plan.audience", "plan.kind", "plan.term", "plan.format",
                          "plan.location", "plan.start", "plan.end", "plan.hours", "plan.language"]

    static func courseList(_ plan: Plan, cycle: String, language: WordingLanguage,
                           strings: ReplyStrings) throws(CycleError) -> OutgoingAttachment {
        func term(_ key: String) -> String { Glossary.term(key, in: language) }
        func date(_ day: CivilDate) -> String {
            LongDate.text(year: day.year, month: day.month, day: day.day, language: language)
        }
        let rows: [[SpreadsheetWriter.Value]] = plan.courses.map { c in
            [.text(c.id), .text(c.title), .text(term("group.\(c.group.rawValue)")), .text(term("audience.\(c.audience.rawValue)")),
             .text(term("kind.\(c.kind.rawValue)")), .text(term("term.\(c.term.rawValue)")),
             .text(term("delivery.\(c.delivery.rawValue)")), .text(term("location.\(c.location.rawValue)")),
             .text(date(c.startDate)), .text(date(c.endDate)), .number(Double(c.hours)),
             .text(term("language.\(c.language.rawValue)"))]
        }
        let widths: [Double] = [10, 44, 30, 14, 22, 16, 14, 16, 20, 20, 10, 16]
        let sheet = SpreadsheetWriter.Sheet(name: sheetName(strings.attachment("plan_sheet", ["cycle": cycle])),
                                            header: columns.map { strings.attachment($0) }, rows: rows, columnWidths: widths)
        do {
            return OutgoingAttachment(filename: fileName(strings.attachment("plan_file", ["cycle": cycle])) + ".xlsx",
                                      bytes: [UInt8](try SpreadsheetWriter.xlsx([sheet])))
        } catch {
            throw .workbook(error.description)
        }
    }

    /// A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ].
    static func sheetName(_ text: String) -> String {
        String(String(text.unicodeScalars.filter { !":\\/?*[]".unicodeScalars.contains($0) }).prefix(31))
    }

    /// A file name every client keeps: no path or control characters, spaces as underscores.
    static func fileName(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            scalar.properties.generalCategory == .control || "/\\:*?\"<>|".unicodeScalars.contains(scalar) || scalar == " "
                ? "_" : Character(scalar)
        })
    }
}

/// An xlsx file to attach, before it gets its MIME type.
struct OutgoingAttachment {
    var filename: String
    var bytes: [UInt8]
}
