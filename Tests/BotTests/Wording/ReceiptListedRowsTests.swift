import Config
import Foundation
import Staff
import Store
import Testing
@testable import Bot

/// `replies.receipt_listed_rows`: a receipt names at most that many people in each list (taken,
/// added, removed, changed) and counts the rest in words, in the text part and in the HTML alike.
@Suite struct ReceiptListedRowsTests {
    static let library = MailWordingTests.library

    /// 60 rows sent again: 20 kept, 40 replaced by new ones (40 added, 40 removed).
    static func resend() -> (rows: [StoredApplicationRow], change: ApplicationChange?) {
        let kept = (1...20).map { ReplySamples.row("k\($0)@kazguu.kz", "Қалған \($0)") }
        let old = kept + (1...40).map { ReplySamples.row("o\($0)@kazguu.kz", "Бұрынғы \($0)") }
        let new = kept + (1...40).map { ReplySamples.row("n\($0)@kazguu.kz", "Жаңа \($0)") }
        return (new, ApplicationChangeSample.change(old: old, new: new))
    }

    static func render(_ language: RosterPerson.Language, listed: Int) throws -> RenderedReply {
        let (rows, change) = resend()
        var context = ReceiptContext(name: ReplySamples.head.fullName, unit: ReplySamples.head.unit, cycle: "2026-2027",
                                     sourceFiles: ["Өтінім.xlsx"], accepted: rows, invalidRows: [], change: change,
                                     late: false, deadline: nil)
        context.listedRows = listed
        return try library.render("receipt", language: language, context: context.values(try library.strings(language)))
    }

    @Test func theDefaultIsTheConfigurationsDefault() {
        let context = ReceiptContext(name: "", unit: "", cycle: "", sourceFiles: [], accepted: [], invalidRows: [],
                                     change: nil, late: false, deadline: nil)
        #expect(context.listedRows == CPDBotConfiguration.Replies().receiptListedRows)
        #expect(CPDBotConfiguration.Replies().receiptListedRows == 25)
    }

    @Test(arguments: RosterPerson.Language.allCases)
    func listsAreCutAndTheRestCounted(language: RosterPerson.Language) throws {
        let reply = try Self.render(language, listed: 25)
        let html = MailHTMLTests.visibleText(reply.html)
        for part in [reply.text, html] {
            // Taken: rows 1…25 named (the 20 kept, then new 1…5), the other 35 counted.
            #expect(part.contains("Қалған 20 ") && part.contains("Жаңа 5 "))
            // Added and removed: 25 of 40 named each, 15 counted.
            #expect(part.contains("Жаңа 25 ") && !part.contains("Жаңа 26 "))
            #expect(part.contains("Бұрынғы 25 ") && !part.contains("Бұрынғы 26 "))
            #expect(!part.contains("Жаңа 40 ") && !part.contains("Бұрынғы 40 "))
            let more: (Int) -> String = { count in
                switch language {
                case .kk: "және тағы \(count)\u{00A0}адам"
                case .ru: "и ещё \(count)\u{00A0}человек"
                case .en: "and another \(count)\u{00A0}people"
                }
            }
            #expect(part.contains(more(35)), "\(language): the 35 taken rows not named are counted")
            #expect(part.components(separatedBy: more(15)).count - 1 == 2, "\(language): 15 more added and 15 more removed")
            // The count of rows taken is all of them.
            #expect(part.contains("60"))
        }
    }

    @Test(arguments: RosterPerson.Language.allCases)
    func aListWithinTheCapHasNoCountLine(language: RosterPerson.Language) throws {
        let reply = try Self.render(language, listed: 100)
        #expect(reply.text.contains("Жаңа 40 ") && reply.text.contains("Бұрынғы 40 "))
        #expect(!reply.text.contains("…"), "\(language): nothing was cut, so no '…and N more' line")
    }

    @Test func zeroListsCountsOnly() throws {
        let reply = try Self.render(.kk, listed: 0)
        #expect(!reply.text.contains("Жаңа 1 ") && !reply.text.contains("Қалған 1 "))
        #expect(reply.text.contains("және тағы 60\u{00A0}адам") && reply.text.contains("және тағы 40\u{00A0}адам"))
    }
}
