import Foundation
import Staff
import Store
import Testing
@testable import Bot

/// Every template in every language with every sample context (typical ones, and the extremes:
/// a long name, no rows, 500 rows), as the subject and text a person reads, kept in
/// Tests/Fixtures/mail-snapshots/<lang>/ so that a reviewer reads every mail and a change to
/// one shows in the diff. `CPDBOT_UPDATE_SNAPSHOTS=1 swift test --filter MailSnapshotTests`
/// writes them anew.
@Suite struct MailSnapshotTests {
    static let folder = ReplySamples.templates.deletingLastPathComponent()
        .appendingPathComponent("Tests/Fixtures/mail-snapshots")

    static func samples(_ language: RosterPerson.Language) throws -> [(String, [String: Any])] {
        let strings = try MailWordingTests.library.strings(language)
        let long = "Әбдірахманова-Сейітқасымова Айгерім-Ақмаржан Нұрсұлтанқызы"
        let many = (1...500).map { ReplySamples.row("p\($0)@kazguu.kz", "Қызметкер \($0)") }
        let extremes: [(String, [String: Any])] = [[], many].map { rows in
            ("receipt", ReceiptContext(name: long, unit: ReplySamples.head.unit, cycle: "2026-2027", sourceFiles: ["Өтінім.xlsx"],
                                       accepted: rows, invalidRows: [], change: nil, late: false, deadline: nil).values(strings))
        }
        return try MailWordingTests.samples(language) + extremes
    }

    @Test(arguments: RosterPerson.Language.allCases)
    func everyMailAsItReads(language: RosterPerson.Language) throws {
        let update = ProcessInfo.processInfo.environment["CPDBOT_UPDATE_SNAPSHOTS"] == "1"
        let directory = Self.folder.appendingPathComponent(language.rawValue)
        if update { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
        var counts: [String: Int] = [:]
        for (name, context) in try Self.samples(language) {
            counts[name, default: 0] += 1
            let reply = try MailWordingTests.library.render(name, language: language, context: context)
            let text = "Subject: \(reply.subject)\n\n\(reply.text)"
            let file = directory.appendingPathComponent(String(format: "%@-%02d.txt", name, counts[name] ?? 0))
            if update {
                try text.write(to: file, atomically: true, encoding: .utf8)
            } else {
                let expected = try? String(contentsOf: file, encoding: .utf8)
                #expect(expected == text, "\(language)/\(file.lastPathComponent) differs or is missing: read the new text and accept it with CPDBOT_UPDATE_SNAPSHOTS=1")
            }
        }
    }
}
