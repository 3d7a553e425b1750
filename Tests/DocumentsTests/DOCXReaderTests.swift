import Testing
@testable import Documents

@Suite struct DOCXReaderTests {
    private typealias F = OfficeFixture

    @Test func rowsCellsParagraphsAndSpans() throws {
        let body = """
            <w:p><w:r><w:t>Өтінім</w:t></w:r></w:p>\
            <w:tbl><w:tblGrid/>\
            <w:tr>\(F.tc(["№"]))\(F.tc(["Мектеп"]))\(F.tc(["Т.А.Ә.", "(Тегі, Аты)"]))\(F.tc(["Курс"], properties: "<w:gridSpan w:val=\"2\"/>"))</w:tr>\
            <w:tr>\(F.tc(["1"]))\(F.tc(["Құқық"], properties: "<w:vMerge w:val=\"restart\"/>"))\(F.tc(["A"]))\(F.tc(["x"]))\(F.tc(["y"]))</w:tr>\
            <w:tr>\(F.tc(["2"]))\(F.tc([""], properties: "<w:vMerge/>"))\(F.tc(["B"]))\(F.tc(["z"]))\(F.tc(["w"]))</w:tr>\
            <w:tr>\(F.tc(["3"]))\(F.tc([""], properties: "<w:vMerge w:val=\"continue\"/>"))<w:tc><w:p><w:r><w:t>C</w:t><w:tab/><w:t>D</w:t><w:br/><w:t>E</w:t></w:r></w:p></w:tc></w:tr>\
            </w:tbl>
            """
        let document = try DocumentReader.read(bytes: try F.docx(body), fileName: "t.docx")
        #expect(document.format == .docx)
        let table = try #require(document.tables.first)
        #expect(table.name == "table 1")
        #expect(table.rows.map(\.number) == [1, 2, 3, 4])
        #expect(table.value(1, 2) == .text("Т.А.Ә.\n(Тегі, Аты)"))
        #expect(table.cell(1, 3) == Cell(.text("Курс")))
        #expect(table.cell(1, 4) == Cell(.text("Курс"), isMergedCopy: true))
        #expect(table.cell(3, 1) == Cell(.text("Құқық"), isMergedCopy: true))
        #expect(table.cell(4, 1) == Cell(.text("Құқық"), isMergedCopy: true))
        #expect(table.value(3, 2) == .text("B"))
        #expect(table.value(4, 2) == .text("C\tD\nE"))
    }

    @Test func nestedTablesStaySeparate() throws {
        let inner = "<w:tbl><w:tr>\(F.tc(["inner 1"]))</w:tr><w:tr>\(F.tc(["inner 2"]))</w:tr></w:tbl>"
        let body = """
            <w:tbl><w:tr>\(F.tc(["outer 1"]))<w:tc><w:p><w:r><w:t>holder</w:t></w:r></w:p>\(inner)</w:tc></w:tr>\
            <w:tr>\(F.tc(["outer 2"]))</w:tr></w:tbl>\
            <w:tbl><w:tr>\(F.tc(["second"]))</w:tr></w:tbl>
            """
        let tables = try DocumentReader.read(bytes: try F.docx(body), fileName: "t.docx").tables
        #expect(tables.map(\.name) == ["table 1", "table 2", "table 3"])
        #expect(tables[0].rows.map(\.number) == [1, 2])
        #expect(tables[0].value(1, 1) == .text("holder"))
        #expect(tables[0].value(2, 0) == .text("outer 2"))
        #expect(tables[1].rows.map { $0.cells.map(\.value) } == [[.text("inner 1")], [.text("inner 2")]])
        #expect(tables[2].value(1, 0) == .text("second"))
    }

    @Test func aLetterWithoutTablesHasNoTables() throws {
        let document = try DocumentReader.read(bytes: try F.docx("<w:p><w:r><w:t>Сәлеметсіз бе</w:t></w:r></w:p>"),
                                               fileName: "letter.docx")
        #expect(document.tables.isEmpty)
    }

    @Test(arguments: [
        ([("word/document.xml", "<w:document/>"), ("word/vbaProject.bin", "x")], DocumentError.Kind.unsupportedFormat, ".docx"),
        ([("[Content_Types].xml", "<Types><Override ContentType=\"application/vnd.ms-word.document.macroEnabled.main+xml\"/></Types>"),
          ("word/document.xml", "<w:document/>")], .unsupportedFormat, ".docx"),
        ([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<x/>")], .unsupportedFormat, ".docx"),
    ])
    func refusedContainersSayWhatToSend(members: [(String, String)], kind: DocumentError.Kind, hint: String) throws {
        let bytes = try ZipFixture.make(members)
        let error = #expect(throws: DocumentError.self) { try DocumentReader.read(bytes: bytes, fileName: "x.docm") }
        #expect(error?.kind == kind)
        #expect(error?.detail.contains(hint) == true)
    }
}
