import Foundation
import Testing
@testable import TextEncoding

@Suite struct TextDecodingTests {
    static let kazakh = "Өтінім: Құқық жоғары мектебі, Әлібек Сейтқали, 72 сағат, үшінші тоқсан, Һ"
    static let russian = "Заявка на повышение квалификации, Иванов Сергей Петрович, 72 часа"

    /// Encodes with glibc's own iconv program so the test does not trust the code under test.
    static func encode(_ text: String, as charset: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", charset]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return [UInt8](data)
    }

    @Test(arguments: [
        ("KZ-1048", "RK1048", TextDecodingTests.kazakh),
        ("PTCP154", "PT154", TextDecodingTests.kazakh),
        ("windows-1251", "CP1251", TextDecodingTests.russian),
        ("koi8-r", "KOI8-R", TextDecodingTests.russian),
        ("IBM866", "CP866", TextDecodingTests.russian),
        ("iso-8859-5", "ISO-8859-5", TextDecodingTests.russian),
        ("utf-16le", "UTF-16LE", TextDecodingTests.kazakh),
    ])
    func declaredLabelsDecode(label: String, iconvName: String, text: String) throws {
        let bytes = try Self.encode(text, as: iconvName)
        #expect(TextDecoding.decode(bytes, label: label) == text)
    }

    @Test(arguments: [
        ("RK1048", TextDecodingTests.kazakh, "kz-1048"),
        ("PT154", TextDecodingTests.kazakh, "pt154"),
        ("CP1251", TextDecodingTests.russian, "windows-1251"),
        ("KOI8-R", TextDecodingTests.russian, "koi8-r"),
        ("CP866", TextDecodingTests.russian, "cp866"),
    ])
    func undeclaredCharsetIsFoundByScoring(iconvName: String, text: String, expected: String) throws {
        let bytes = try Self.encode(text, as: iconvName)
        let decoded = TextDecoding.guess(bytes)
        #expect(decoded.text == text)
        // KZ-1048 and PT154 agree on most Kazakh letters; the text is what matters there.
        if iconvName != "PT154" { #expect(decoded.charset == expected) }
    }

    @Test func wrongLabelFallsBackToTheRightCharset() throws {
        let bytes = try Self.encode(Self.kazakh, as: "RK1048")
        let decoded = TextDecoding.guess(bytes, declared: "windows-1251")
        #expect(decoded.text == Self.kazakh)
        #expect(decoded.wasGuessed)
    }

    @Test func byteOrderMarksWin() throws {
        #expect(TextDecoding.guess([0xEF, 0xBB, 0xBF] + Array("Өтінім".utf8)).text == "Өтінім")
        let utf16 = try Self.encode("Өтінім", as: "UTF-16LE")
        #expect(TextDecoding.guess([0xFF, 0xFE] + utf16).text == "Өтінім")
        #expect(TextDecoding.guess(utf16).text == "Өтінім")
    }

    @Test func unknownLabelGivesNil() {
        #expect(TextDecoding.decode(Array("abc".utf8), label: "x-no-such-charset") == nil)
        #expect(TextDecoding.decode([0xC3, 0x28], label: "utf-8") == nil)
    }

    @Test(arguments: [
        ("05_buhgalteriya_otinim.csv", "utf-8"),
        ("06_quqyqtyq_qamtamasyz_etu_utf8bom.csv", "utf-8"),
        ("07_zayavka_DIT_cp1251.csv", "windows-1251"),
        ("08_tirkeu_ofisi_otinim_kz1048.csv", "kz-1048"),
    ])
    func sampleApplicationsDecode(file: String, charset: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/samples/applications/\(file)").standardizedFileURL
        let decoded = TextDecoding.guess([UInt8](try Data(contentsOf: url)))
        #expect(decoded.charset == charset)
        #expect(!decoded.text.contains("\u{FFFD}"))
    }
}
