import Foundation
import Testing
@testable import Bot

/// The summary shows each message's subject from the archive: header only, decoded, and never
/// from a path that is not the archive's own.
@Suite struct ArchivedSubjectTests {
    @Test(arguments: [
        ("Subject: Өтінім\r\nFrom: a@b.kz\r\n\r\nbody", "Өтінім"),
        ("From: a@b.kz\nSubject: =?UTF-8?B?0JfQsNGP0LLQutCw?=\n\nbody", "Заявка"),                 // LF only, RFC 2047
        ("From: a@b.kz\r\nSubject: long\r\n folded line\r\n\r\nSubject: in the body\r\n", "long folded line"),
        ("From: a@b.kz\r\n\r\nSubject: only in the body\r\n", nil),
        ("Subject:   \r\n\r\n", nil),
        ("not a header at all", nil),
        ("", nil),
    ] as [(String, String?)])
    func subjects(raw: String, expected: String?) {
        #expect(ArchivedSubject.subject(inHeaderOf: Array(raw.utf8)) == expected)
    }

    /// Hostile bytes (NULs, lone CRs, 8-bit, no header end) give a subject or nothing, never a crash.
    @Test func binaryGarbageDoesNotCrash() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt8 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        for length in 0..<300 {
            let bytes = Array("Subject: ".utf8) + (0..<length).map { _ in next() }
            if let subject = ArchivedSubject.subject(inHeaderOf: bytes) { #expect(!subject.isEmpty) }
        }
    }

    static let hash = String(repeating: "ab", count: 32)

    @Test(arguments: [
        ("2026-09/\(hash).eml", true),
        ("../2026-09/\(hash).eml", false),
        ("/etc/\(hash).eml", false),
        ("2026-09/../../\(hash).eml", false),
        ("2026-9/\(hash).eml", false),
        ("2026-09/\(String(repeating: "cd", count: 32)).eml", false),   // another message's name
        ("2026-09/\(hash).eml/", false),
        ("..-09/\(hash).eml", false),
    ])
    func onlyArchivePathsAreOpened(path: String, accepted: Bool) {
        #expect(ArchivedSubject.isArchivePath(path, sha256: Self.hash) == accepted)
    }

    @Test func readsOnlyTheHeaderOfAStoredMessage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("subject-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("2026-09"), withIntermediateDirectories: true)
        let raw = "Subject: =?utf-8?q?=D0=9F=D0=BB=D0=B0=D0=BD?=\r\n\r\n" + String(repeating: "x", count: 200_000)
        try Data(raw.utf8).write(to: folder.appendingPathComponent("2026-09/\(Self.hash).eml"))
        let reader = ArchivedSubject(archive: folder)
        #expect(reader.subject(sha256: Self.hash, path: "2026-09/\(Self.hash).eml") == "План")
        #expect(reader.subject(sha256: Self.hash, path: "2026-10/\(Self.hash).eml") == nil, "missing file")
    }
}
