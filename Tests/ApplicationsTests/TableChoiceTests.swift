import Testing
import Documents
@testable import Applications

@Suite struct TableChoiceTests {
    @Test func ignoresAHiddenSheetWhenAVisibleOneQualifies() {
        let hidden = makeTable([kazakhHeader, employee(email: "hidden@kazguu.kz")], name: "Тізімдер", hidden: true)
        let visible = makeTable([kazakhHeader, employee(email: "visible@kazguu.kz")], name: "Өтінім")
        let reading = ApplicationReader.read(tables: [hidden, visible], receivedOn: receipt)
        #expect(reading.rows.map(\.email) == ["visible@kazguu.kz"])
    }

    @Test func anInstructionSheetLoses() {
        let instructions = makeTable([
            ["Нұсқаулық / Инструкция"],
            ["1. Кестені 1 маусымға дейін толтырып, hr-intake@kazguu.kz мекенжайына жіберіңіз."],
            ["ФИО", "E-mail"],
        ], name: "Нұсқаулық")
        let sheet = makeTable([kazakhHeader, employee(), employee(2, email: "b.user@kazguu.kz")], name: "Өтінім")
        let reading = ApplicationReader.read(tables: [instructions, sheet], receivedOn: receipt)
        #expect(reading.rows.count == 2)
    }

    @Test func noQualifyingTableIsNoTableFound() {
        let schedule = makeTable([
            ["Біліктілікті арттыру курстарының кестесі 2026"],
            ["№", "Курс атауы", "Ұйымдастырушы", "Басталу күні", "Сағат саны"],
            [1, "Жоғары мектептегі инновациялық оқыту әдістері", "KAZGUU Academy", .date(2026, 9, 14), 72],
        ])
        let reading = ApplicationReader.read(tables: [schedule], receivedOn: receipt)
        #expect(reading.readable)
        #expect(reading.errorKind == "no_table_found")
        #expect(reading.rows.isEmpty && reading.invalidRows.isEmpty)
        #expect(ApplicationReader.read(tables: [], receivedOn: receipt).failure == .noTableFound)
    }

    @Test func anUnfilledTemplateIsATableWithoutRows() {
        let reading = ApplicationReader.read(tables: [makeTable([kazakhHeader, [1], [2], [3]])], receivedOn: receipt)
        #expect(reading.errorKind == nil && reading.readable)
        #expect(reading.rows.isEmpty && reading.invalidRows.isEmpty)
    }

    @Test(arguments: [
        (DocumentError.Kind.unsupportedFormat, "unsupported_format"),
        (.encryptedOrCorrupt, "encrypted_or_corrupt"),
        (.tooLarge, "too_large"),
        (.unsafeArchive, "unsafe_archive"),
    ])
    func mapsDocumentErrorsToUnreadableOutcomes(_ kind: DocumentError.Kind, _ expected: String) {
        let reading = ApplicationReader.reading(for: DocumentError(kind, "x.pdf is a PDF"))
        #expect(!reading.readable)
        #expect(reading.errorKind == expected)
        #expect(reading.detail == "x.pdf is a PDF")
    }
}
