import Testing
@testable import MIME

/// MIME tree shapes, written inline so each case shows exactly what it tests.
@Suite struct StructureTests {
    static func message(_ lines: [String], lineEnd: String = "\r\n") -> [UInt8] {
        Array(lines.joined(separator: lineEnd).utf8)
    }

    @Test func splitsPartsAndIgnoresPreambleAndEpilogue() throws {
        let m = try MessageParser().parse(Self.message([
            "From: a@x.kz", "Content-Type: multipart/mixed; boundary=\"b1\"", "",
            "preamble", "--b1", "Content-Type: text/plain", "", "hello", "--b1",
            "Content-Type: application/pdf; name=\"a.pdf\"", "Content-Transfer-Encoding: base64", "", "JVBERg==",
            "--b1--", "epilogue --b1",
        ]))
        #expect(m.root.parts.count == 2)
        #expect(try m.root.parts[0].text() == "hello")
        #expect(try m.root.parts[1].decodedBody().bytes == Array("%PDF".utf8))
        #expect(m.defects.isEmpty)
    }

    @Test func bareLineFeedsWork() throws {
        let m = try MessageParser().parse(Self.message([
            "From: a@x.kz", "Content-Type: multipart/mixed; boundary=b", "", "--b", "", "one", "--b", "", "two", "--b--", "",
        ], lineEnd: "\n"))
        #expect(try m.root.parts.map { try $0.text() } == ["one", "two"])
    }

    @Test func similarBoundaryIsNotADelimiter() throws {
        let m = try MessageParser().parse(Self.message([
            "From: a@x.kz", "Content-Type: multipart/mixed; boundary=b", "", "--b", "", "x", "--bb", "y", "--b--",
        ]))
        #expect(try m.root.parts.map { try $0.text() } == ["x\r\n--bb\r\ny"])
    }

    @Test func missingClosingBoundaryKeepsTheLastPart() throws {
        let m = try MessageParser().parse(Self.message([
            "From: a@x.kz", "Content-Type: multipart/mixed; boundary=b", "", "--b", "", "first", "--b",
            "Content-Disposition: attachment; filename=f.txt", "", "complete",
        ]))
        #expect(m.fileParts.count == 1)
        #expect(try m.fileParts[0].text() == "complete")
        #expect(m.defects.map(\.kind) == [.missingClosingBoundary])
        #expect(!m.isStructurallyBroken)
    }

    @Test func boundaryNeverFoundIsStructural() throws {
        let m = try MessageParser().parse(Self.message([
            "From: a@x.kz", "Content-Type: multipart/mixed; boundary=nowhere", "", "--elsewhere", "", "text",
        ]))
        #expect(m.isStructurallyBroken)
        #expect(m.root.parts.isEmpty)
    }

    @Test func truncatedBase64MarksOnlyThatPart() throws {
        let m = try MessageParser().parse(Self.message([
            "From: a@x.kz", "Content-Type: multipart/mixed; boundary=b", "", "--b",
            "Content-Disposition: attachment; filename=ok.bin", "Content-Transfer-Encoding: base64", "", "AAEC",
            "--b", "Content-Disposition: attachment; filename=cut.bin", "Content-Transfer-Encoding: base64", "", "AAECAwQFBgcICQ",
            "--b--",
        ]))
        let files = m.fileParts
        #expect(try files[0].decodedBody().damage == nil)
        #expect(try files[1].decodedBody().damage == .truncatedBase64)
        let summary = MessageSummary.summarise(m)
        #expect(summary.attachments[1].size == nil && summary.attachments[1].sha256 == nil && summary.attachments[1].damaged)
        #expect(summary.attachments[0].size == 3)
    }

    @Test func nestedMessagePartsAreMarkedInsideForwarded() throws {
        let m = try MessageParser().parse(Self.message([
            "From: fwd@x.kz", "Content-Type: multipart/mixed; boundary=o", "", "--o", "", "see attached", "--o",
            "Content-Type: message/rfc822; name=\"orig.eml\"", "", "From: Orig <orig@x.kz>", "Subject: S",
            "Content-Type: multipart/mixed; boundary=i", "", "--i", "", "body", "--i",
            "Content-Type: text/csv; name=t.csv", "", "a;b", "--i--", "--o--",
        ]))
        let files = m.fileParts
        #expect(files.map(\.filename) == ["orig.eml", "t.csv"])
        #expect(files.map(\.insideForwardedMessage) == [false, true])
        #expect(files[0].encapsulatedMessage?.sender?.address == "orig@x.kz")
    }

    @Test func base64EncodedAttachedMessageIsStillRead() throws {
        let inner = "From: Orig <orig@x.kz>\r\nContent-Type: multipart/mixed; boundary=i\r\n\r\n--i\r\nContent-Type: text/csv; name=t.csv\r\n\r\na;b\r\n--i--\r\n"
        let encoded = String(decoding: Base64.encodeLines(Array(inner.utf8)), as: UTF8.self)
        let m = try MessageParser().parse(Self.message([
            "From: fwd@x.kz", "Content-Type: multipart/mixed; boundary=o", "", "--o", "", "see attached", "--o",
            "Content-Type: message/rfc822; name=\"orig.eml\"", "Content-Transfer-Encoding: base64", "", encoded, "--o--",
        ]))
        #expect(m.fileParts.map(\.filename) == ["orig.eml", "t.csv"])
        #expect(try m.fileParts[1].text() == "a;b")
        #expect(try m.fileParts[0].decodedBody().bytes == Array(inner.utf8))  // byte for byte: no line break added
    }

    @Test func contentIDPartIsInline() throws {
        let m = try MessageParser().parse(Self.message([
            "From: a@x.kz", "Content-Type: multipart/related; boundary=r", "", "--r", "Content-Type: text/html", "", "<img src=cid:i1>",
            "--r", "Content-Type: image/png; name=logo.png", "Content-ID: <i1>", "Content-Disposition: inline; filename=logo.png", "", "x", "--r--",
        ]))
        #expect(m.fileParts.map(\.isInlineReferenced) == [true])
        #expect(m.fileParts[0].contentID == "<i1>")
    }

    @Test func rawEightBitHeadersDecode() throws {
        var bytes = Array("From: ".utf8) + [0xCB, 0xE8, 0x20, 0xCD, 0xE0, 0xF2, 0xE0, 0xEB, 0xFC, 0xFF] + Array(" <n.li@kazguu.kz>\r\nSubject: Өтінім\r\n\r\nbody".utf8)
        bytes += []
        let m = try MessageParser().parse(bytes)
        #expect(m.sender?.displayName == "Ли Наталья")  // windows-1251, guessed
        #expect(m.subject == "Өтінім")
    }

    @Test func obsoleteWhitespaceBeforeColon() throws {
        let m = try MessageParser().parse(Self.message(["From : a@x.kz", "Subject\t: hello", "", "body"]))
        #expect(m.subject == "hello")
        #expect(m.sender?.address == "a@x.kz")
    }

    @Test func genericTypeTakesTheExtension() throws {
        let m = try MessageParser().parse(Self.message([
            "From: a@x.kz", "Content-Type: application/octet-stream; name=\"z.xls\"", "", "x",
        ]))
        #expect(m.root.effectiveMimeType == "application/vnd.ms-excel")
        #expect(m.root.contentType.mimeType == "application/octet-stream")
    }
}
