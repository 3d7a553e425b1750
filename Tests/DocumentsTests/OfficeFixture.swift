import Foundation

/// Minimal hand-written office files (only the parts a reader needs), zipped in memory.
enum OfficeFixture {
    struct Sheet {
        var name: String
        var state: String? = nil
        var xml: String
    }

    /// An .xlsx with the given sheets, shared strings, styles and date system.
    static func xlsx(sheets: [Sheet], sharedStrings: [String] = [], numFmts: [(Int, String)] = [],
                     cellXfs: [Int] = [0], date1904: Bool = false,
                     extra: [(String, String)] = []) throws -> [UInt8] {
        let sheetElements = sheets.enumerated().map { index, sheet in
            let state = sheet.state.map { " state=\"\($0)\"" } ?? ""
            return "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\"\(state) r:id=\"rId\(index + 1)\"/>"
        }.joined()
        let workbook = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <workbookPr\(date1904 ? " date1904=\"1\"" : "")/><sheets>\(sheetElements)</sheets></workbook>
            """
        let relType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var rels = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relType)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }
        rels.append("<Relationship Id=\"rIdS\" Type=\"\(relType)/sharedStrings\" Target=\"sharedStrings.xml\"/>")
        rels.append("<Relationship Id=\"rIdT\" Type=\"\(relType)/styles\" Target=\"/xl/styles.xml\"/>")
        let shared = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + sharedStrings.map { $0.hasPrefix("<") ? "<si>\($0)</si>" : "<si><t>\($0)</t></si>" }.joined() + "</sst>"
        let styles = "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts>"
            + numFmts.map { "<numFmt numFmtId=\"\($0.0)\" formatCode=\"\($0.1.replacingOccurrences(of: "\"", with: "&quot;"))\"/>" }.joined()
            + "</numFmts><cellXfs count=\"\(cellXfs.count)\">"
            + cellXfs.map { "<xf numFmtId=\"\($0)\" fontId=\"0\"/>" }.joined() + "</cellXfs></styleSheet>"
        var members: [(String, String)] = [
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("_rels/.rels", "<Relationships><Relationship Id=\"r1\" Type=\"\(relType)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", "<Relationships>\(rels.joined())</Relationships>"),
            ("xl/sharedStrings.xml", shared),
            ("xl/styles.xml", styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            members.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet.xml)))
        }
        return try ZipFixture.make(members + extra)
    }

    static func worksheet(_ body: String) -> String {
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\(body)</worksheet>"
    }

    /// An .ods whose content.xml body (inside office:spreadsheet) is `tables`.
    static func ods(_ tables: String, automaticStyles: String = "") throws -> [UInt8] {
        let content = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
            xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0">\
            <office:automatic-styles>\(automaticStyles)</office:automatic-styles>\
            <office:body><office:spreadsheet>\(tables)</office:spreadsheet></office:body></office:document-content>
            """
        return try ZipFixture.make([
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
            ("content.xml", content),
            ("META-INF/manifest.xml", "<manifest:manifest/>"),
        ])
    }

    /// A .docx whose body is `body` (w: namespace declared).
    static func docx(_ body: String) throws -> [UInt8] {
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:body>\(body)</w:body></w:document>
            """
        return try ZipFixture.make([
            ("[Content_Types].xml", "<Types/>"),
            ("word/document.xml", document),
        ])
    }

    /// A docx table cell with the given paragraphs and cell properties.
    static func tc(_ paragraphs: [String], properties: String = "") -> String {
        "<w:tc><w:tcPr>\(properties)</w:tcPr>"
            + paragraphs.map { "<w:p><w:r><w:t xml:space=\"preserve\">\($0)</w:t></w:r></w:p>" }.joined() + "</w:tc>"
    }
}
