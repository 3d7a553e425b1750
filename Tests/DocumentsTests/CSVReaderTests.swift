import Foundation
import Testing
@testable import Documents

@Suite struct CSVReaderTests {
    private func rows(_ text: String) throws -> [Row] {
        let document = try DocumentReader.read(bytes: Array(text.utf8), fileName: "t.csv")
        #expect(document.format == .csv)
        return document.tables.first?.rows ?? []
    }

    private func texts(_ row: Row?) -> [String] {
        row?.cells.map { if case .text(let t) = $0.value { t } else { "" } } ?? []
    }

    @Test(arguments: [
        ("a;b;c\n1;2;3\n", ["a", "b", "c"]),
        ("a,b,c\r\n1,2,3\r\n", ["a", "b", "c"]),
        ("a\tb\tc\n1\t2\t3", ["a", "b", "c"]),
        ("a|b|c\n1|2|3\n", ["a", "b", "c"]),
        // Commas inside unquoted text must not win over the real semicolon delimiter.
        ("Title\nИванов, И.;b;c\nx;y;w\nq;r, s, t;u\n", ["Title"]),
    ])
    func delimiterIsDetected(text: String, firstRow: [String]) throws {
        #expect(texts(try rows(text).first) == firstRow)
    }

    @Test func quotesFollowRFC4180() throws {
        let text = "name;note\n\"Иванов; И.\";\"said \"\"hi\"\"\"\n\"multi\nline\";x\nlast;\"\"\n"
        let result = try rows(text)
        #expect(texts(result[1]) == ["Иванов; И.", "said \"hi\""])
        #expect(texts(result[2]) == ["multi\nline", "x"])
        #expect(result[3].cells.map(\.value) == [.text("last"), .empty])
    }

    @Test func rowNumbersCountEveryRecordIncludingBlankOnes() throws {
        let text = "\u{FEFF}Title\r\n\r\na;b\r\n\"x\ny\";2\r\n;\r\nc;d\r\n"
        let result = try rows(text)
        #expect(result.map(\.number) == [1, 3, 4, 6])
        #expect(texts(result[0]) == ["Title"])
        #expect(texts(result[3]) == ["c", "d"])
    }

    @Test(arguments: [
        ("windows-1251", "№;ФИО\n1;Иванов Сергей\n"),
        ("RK1048", "№;Т.А.Ә.\n1;Құдайбергенов Серік\n"),
        ("UTF-16LE", "№;Т.А.Ә.\n1;Әлиев Ғалым\n"),
    ])
    func legacyAndWideCharsetsAreDecoded(charset: String, text: String) throws {
        let bytes = try #require(Self.encode(text, charset))
        let document = try DocumentReader.read(bytes: bytes, fileName: "t.csv")
        let lines = text.split(separator: "\n").map { $0.split(separator: ";").map(String.init) }
        #expect(document.tables.first?.rows.map { texts($0) } == lines)
    }

    /// Test input in a legacy charset, through iconv(1) like a Windows export would produce.
    static func encode(_ text: String, _ charset: String) -> [UInt8]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", charset]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        guard (try? process.run()) != nil else { return nil }
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? Array(data) : nil
    }
}
