import TestSupport
import Foundation
import Testing
@testable import Documents

/// The corpus's table pasted into an Outlook HTML body (windows-1251, quoted-printable).
/// The MIME work here is the bare minimum to get the HTML out; the MIME module does it for real.
@Suite struct SampleHTMLBodyTests {
    @Test func outlookBodyTableHoldsTheOracleRows() throws {
        let eml = String(decoding: try SampleCorpus.bytes("emails/06_outlook_cp1251_html_table_it.eml"), as: UTF8.self)
        let htmlPart = try #require(eml.range(of: "Content-Type: text/html"))
        let afterHeaders = try #require(eml.range(of: "\r\n\r\n", range: htmlPart.upperBound..<eml.endIndex))
        let end = eml.range(of: "\r\n--_004_", range: afterHeaders.upperBound..<eml.endIndex)?.lowerBound ?? eml.endIndex
        let html = try #require(String(data: Data(Self.quotedPrintable(String(eml[afterHeaders.upperBound..<end]))),
                                       encoding: .windowsCP1251))

        let tables = HTMLTableReader.read(html: html)
        let table = try #require(tables.first)
        let texts = Set(table.rows.flatMap { $0.cells.compactMap { SampleApplicationsTests.normalized($0.value) } })
        let oracle = try #require(SampleCorpus.bodyTable("emails/06_outlook_cp1251_html_table_it.eml"))
        for name in oracle.names { #expect(texts.contains(name), "no cell holds \(name)") }
        for email in oracle.emails { #expect(texts.contains { $0.lowercased() == email }, "no cell holds \(email)") }
        let numbers = Set(table.rows.map(\.number))
        for number in oracle.invalidRowNumbers { #expect(numbers.contains(number)) }
        #expect(table.row(1)?.cells.count ?? 0 >= 10)
    }

    /// RFC 2045 §6.7 quoted-printable: `=XX` bytes and `=` soft line breaks.
    static func quotedPrintable(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "="), index + 2 < bytes.count {
                if bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A { index += 3; continue }
                if let value = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                    output.append(value)
                    index += 3
                    continue
                }
            }
            output.append(bytes[index])
            index += 1
        }
        return output
    }
}
