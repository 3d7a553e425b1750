import Foundation
import TestSupport
import Testing
@testable import Documents

/// Hostile files must fail with the right kind, fast, and without unbounded memory.
@Suite struct HostileInputTests {
    private func sheet(_ xml: String, sharedStrings: String? = nil) throws -> [UInt8] {
        var extra: [(String, String)] = []
        if let sharedStrings { extra.append(("xl/sharedStrings.xml", sharedStrings)) }
        return try ZipFixture.make([
            ("_rels/.rels", "<Relationships/>"),
            ("xl/workbook.xml", "<workbook><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", """
                <Relationships><Relationship Id="rId1" Type="http://x/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="http://x/sharedStrings" Target="sharedStrings.xml"/></Relationships>
                """),
            ("xl/worksheets/sheet1.xml", xml),
        ] + extra)
    }

    private func timed(_ body: () -> DocumentError.Kind?) -> (DocumentError.Kind?, Duration) {
        // CPU time of this thread: the bound is on the work, which a busy machine does not change.
        ThreadCPUTime.measure(body)
    }

    /// Inflated in line, or ahead on a second thread: the caps hold the same way.
    @Test(arguments: [DocumentLimits().inflateAheadMinBytes, 0])
    func zipBombOf300MBIsRefusedWhileInflating(inflateAheadMinBytes: Int) throws {
        var limits = DocumentLimits()
        limits.inflateAheadMinBytes = inflateAheadMinBytes
        let bytes = try ZipFixture.zeros(named: "xl/worksheets/sheet1.xml", size: 300 << 20, around: [
            ("xl/workbook.xml", "<workbook><sheets><sheet name=\"S\" sheetId=\"1\"/></sheets></workbook>"),
        ])
        #expect(bytes.count < 2 << 20)
        var error: DocumentError?
        let duration = ContinuousClock().measure {
            do throws(DocumentError) { _ = try DocumentReader.read(bytes: bytes, fileName: "bomb.xlsx", limits: limits) } catch let caught { error = caught }
        }
        #expect(error?.kind == .unsafeArchive)
        // The message names the member, the bytes actually inflated and the maximum.
        #expect(error?.detail.contains("xl/worksheets/sheet1.xml") == true)
        #expect(error?.detail.contains("maximum \(DocumentLimits().maxCompressionRatio):1") == true)
        #expect(duration < .seconds(10))
    }

    @Test func billionLaughsIsRefused() throws {
        let xml = """
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">\
            <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\
            <worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>
            """
        #expect(DocumentReader.errorKind(try sheet(xml)) == .unsafeArchive)
    }

    @Test func externalEntityInSharedStringsIsRefused() throws {
        let strings = """
            <?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\
            <sst><si><t>&xxe;</t></si></sst>
            """
        let xml = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>"
        let kind = DocumentReader.errorKind(try sheet(xml, sharedStrings: strings))
        #expect(kind == .unsafeArchive)
    }

    @Test func deepNestingIsRefused() throws {
        let xml = "<worksheet>" + String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000) + "</worksheet>"
        let (kind, duration) = timed { DocumentReader.errorKind((try? sheet(xml)) ?? []) }
        #expect(kind == .unsafeArchive)
        #expect(duration < .seconds(5))
    }

    @Test func oneHundredThousandEmptyRowsReadFast() throws {
        var xml = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
        for number in 2...100_001 { xml += "<row r=\"\(number)\"><c r=\"A\(number)\" s=\"0\"/></row>" }
        xml += "<row r=\"100002\"><c r=\"B100002\"><v>2</v></c></row></sheetData></worksheet>"
        let bytes = try sheet(xml)
        let (document, duration) = try ThreadCPUTime.measure { try DocumentReader.read(bytes: bytes, fileName: "rows.xlsx") }
        #expect(document.tables.first?.rows.map(\.number) == [1, 100_002])
        #expect(duration < .seconds(10))
    }

    @Test func traversalNamesAreOnlyNames() throws {
        // An otherwise valid workbook with members whose names climb out of any directory:
        // they are never used as paths, so the file reads normally.
        let workbook = try OfficeFixture.xlsx(
            sheets: [.init(name: "S", xml: "<sheetData><row r=\"1\"><c r=\"A1\"><v>5</v></c></row></sheetData>")],
            extra: [("../../../../tmp/cpdbot-evil.txt", "owned"), ("/etc/cpdbot-evil", "owned"), ("..\\..\\evil.xml", "x")])
        let document = try DocumentReader.read(bytes: workbook, fileName: "../../etc/passwd")
        #expect(document.tables.first?.value(1, 0) == .number(5))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/cpdbot-evil.txt"))
        // A zip that holds nothing but such names is no office file.
        let bare = try ZipFixture.make([("../../evil.xml", "x")])
        #expect(DocumentReader.errorKind(bare, "archive.zip") == .unsupportedFormat)
        // …unless its name says it should have been a workbook: then it is a damaged one.
        #expect(DocumentReader.errorKind(bare, "Өтінім.xlsx") == .encryptedOrCorrupt)
    }

    @Test func tooManyArchiveMembersIsUnsafe() throws {
        var limits = DocumentLimits()
        limits.maxArchiveMembers = 50
        let members = (0..<60).map { ("x/\($0).xml", "") } + [("xl/workbook.xml", "<workbook/>")]
        #expect(DocumentReader.errorKind(try ZipFixture.make(members), limits: limits) == .unsafeArchive)
    }

    /// Regression: ZIPFoundation's in-memory archive traps when a header points past the end,
    /// and its Linux inflate loop spins on a cut stream. Both must be plain errors here.
    @Test func damagedDirectoryOffsetsAndCutStreamsAreCorrupt() throws {
        let workbook = try OfficeFixture.xlsx(sheets: [.init(name: "S", xml: "<sheetData/>")])
        let directory = try ZipDirectory(bytes: workbook, fileName: "t", limits: .init())
        let member = try #require(directory.members.first { $0.name == "xl/workbook.xml" })
        let entry = try #require(Self.centralEntryOffset(of: member.name, in: workbook))

        var farOffset = workbook  // local header offset (CD +42) far past the end
        for (index, byte) in [UInt8](arrayLiteral: 0xF0, 0xFF, 0xFF, 0x7F).enumerated() { farOffset[entry + 42 + index] = byte }
        #expect(DocumentReader.errorKind(farOffset) == .encryptedOrCorrupt)

        var cutStream = workbook  // compressed size (CD +20) cut to 3 bytes: the stream ends early
        for (index, byte) in [UInt8](arrayLiteral: 3, 0, 0, 0).enumerated() { cutStream[entry + 20 + index] = byte }
        #expect(DocumentReader.errorKind(cutStream) == .encryptedOrCorrupt)

        var badDirectory = workbook  // central directory offset in the end record past the end
        let end = workbook.count - 22
        for (index, byte) in [UInt8](arrayLiteral: 0xFF, 0xFF, 0xFF, 0x7F).enumerated() { badDirectory[end + 16 + index] = byte }
        #expect(DocumentReader.errorKind(badDirectory) == .encryptedOrCorrupt)
    }

    /// Where the central directory entry for `name` starts.
    static func centralEntryOffset(of name: String, in bytes: [UInt8]) -> Int? {
        let needle = [UInt8(0x50), 0x4B, 0x01, 0x02]
        var index = 0
        while index + 46 < bytes.count {
            if Array(bytes[index..<(index + 4)]) == needle {
                let length = Int(bytes[index + 28]) | Int(bytes[index + 29]) << 8
                if String(decoding: bytes[(index + 46)..<(index + 46 + length)], as: UTF8.self) == name { return index }
            }
            index += 1
        }
        return nil
    }

    @Test func truncatedZipIsCorrupt() throws {
        let workbook = try OfficeFixture.xlsx(sheets: [.init(name: "S", xml: "<sheetData/>")])
        #expect(DocumentReader.errorKind(Array(workbook.prefix(workbook.count / 2))) == .encryptedOrCorrupt)
        #expect(DocumentReader.errorKind(Array(workbook.prefix(10))) == .encryptedOrCorrupt)
    }

    @Test func oversizedFilesAreRefusedBeforeParsing() {
        var limits = DocumentLimits()
        limits.maxFileBytes = 1000
        let error = #expect(throws: DocumentError.self) {
            try DocumentReader.read(bytes: Array(repeating: 0x41, count: 1001), fileName: "big.csv", limits: limits)
        }
        #expect(error?.kind == .tooLarge)
        #expect(error?.detail.contains("1001") == true && error?.detail.contains("1000") == true)
    }

    @Test func tooManyFilledRowsIsTooLarge() throws {
        var limits = DocumentLimits()
        limits.maxRows = 10
        let csv = Array((1...20).map { "a;\($0)" }.joined(separator: "\n").utf8)
        #expect(DocumentReader.errorKind(csv, limits: limits) == .tooLarge)
    }

    @Test(arguments: [
        (Array("%PDF-1.7\n%âãÏÓ\n".utf8), DocumentError.Kind.unsupportedFormat),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], .unsupportedFormat),
        ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], .unsupportedFormat),
        ([0x00, 0x01, 0x02, 0x00, 0xFF], .unsupportedFormat),
        ([], .encryptedOrCorrupt),
    ])
    func unsupportedAndEmptyFiles(bytes: [UInt8], kind: DocumentError.Kind) {
        #expect(DocumentReader.errorKind(bytes) == kind)
    }

    @Test(arguments: [("WordDocument", DocumentError.Kind.unsupportedFormat), ("EncryptionInfo", .encryptedOrCorrupt)])
    func compoundFilesAreClassifiedByTheirStreams(stream: String, kind: DocumentError.Kind) {
        // A header sector, then one directory sector whose second entry names the stream.
        var bytes: [UInt8] = CompoundFile.magic + [UInt8](repeating: 0, count: 1024 - 8)
        let name: [UInt8] = stream.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [0, 0]
        for (offset, byte) in name.enumerated() { bytes[640 + offset] = byte }
        bytes[640 + 64] = UInt8(name.count)
        #expect(DocumentReader.errorKind(bytes, "file.doc") == kind)
    }
}
