import Foundation
import Store
import Testing
@testable import Bot

/// The summary's window, outcomes and grouping, from journal lines (pure).
@Suite struct JournalDigestTests {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)
    static func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }
    static func hash(_ n: Int) -> String { String(repeating: String(n % 10), count: 64) }

    static func message(_ n: Int, minute: Double, outcome: String, detail: String, from: String? = "x@kazguu.kz") -> [JournalEvent] {
        [JournalEvent(at: at(minute - 0.5), event: .received, from: from, detail: "2026-09/\(hash(n)).eml", sha256: hash(n)),
         JournalEvent(at: at(minute), event: .routed, outcome: outcome, folder: outcome.capitalized, from: from,
                      detail: detail, sha256: hash(n))]
    }

    static let events: [JournalEvent] =
        message(1, minute: 1, outcome: "processed", detail: "application of Law from h@kazguu.kz")
        + message(2, minute: 2, outcome: "ignored", detail: "auto-generated: not answered")
        + message(3, minute: 3, outcome: "rejected", detail: "refused: unknownSender", from: "stranger@mail.ru")
        + message(4, minute: 4, outcome: "reported", detail: "reported to DSHR: spoofed(claimedFrom: Optional(\"rector@kazguu.kz\"))")
        + message(5, minute: 5, outcome: "rejected", detail: "refused: unknownSender", from: "other@mail.ru")
        + message(6, minute: 6, outcome: "rejected", detail: "processing failed: boom", from: nil)
        + [JournalEvent(at: at(7), event: .sent, messageID: "r@kazguu.kz", detail: "sent"),
           JournalEvent(at: at(8), event: .routed, uid: 9, outcome: "rejected", folder: "Rejected",
                        detail: "message of 9 bytes is over the limit of 3")]

    /// (window start, end in minutes, expected "reason:from" lines in order)
    @Test(arguments: [
        (0.0, 10.0, ["spoofed:x@kazguu.kz", "unknown_sender:stranger@mail.ru", "unknown_sender:other@mail.ru",
                     "too_large:-", "processing_failed:-", "auto_reply:x@kazguu.kz"]),
        (3.0, 5.0, ["spoofed:x@kazguu.kz", "unknown_sender:other@mail.ru"]),   // (after, upTo]
        (8.0, 60.0, [String]()),
        (0.0, 1.5, [String]()),                                                // processed mail is nobody's business
    ])
    func window(after: Double, upTo: Double, expected: [String]) {
        let sections = JournalDigest.sections(events: Self.events, after: Self.at(after), upTo: Self.at(upTo)) { _, _ in nil }
        let lines = sections.flatMap { section in section.items.map { "\(section.reason.rawValue):\($0.from ?? "-")" } }
        #expect(lines == expected)
        #expect(sections.allSatisfy { !$0.items.isEmpty })
    }

    @Test func subjectsComeFromTheArchivedPathAndDetailOnlyWhereItHelps() throws {
        var asked: [String] = []
        let sections = JournalDigest.sections(events: Self.events, after: Self.at(0), upTo: Self.at(10)) { hash, path in
            asked.append(path)
            return "subject of \(hash.prefix(1))"
        }
        #expect(asked.sorted() == [2, 3, 4, 5, 6].map { "2026-09/\(Self.hash($0)).eml" })
        let spoofed = try #require(sections.first { $0.reason == .spoofed }?.items.first)
        #expect(spoofed.subject == "subject of 4" && spoofed.folder == "Reported" && spoofed.detail == nil)
        let failed = try #require(sections.first { $0.reason == .processingFailed }?.items.first)
        #expect(failed.detail == "processing failed: boom")
        let large = try #require(sections.first { $0.reason == .tooLarge }?.items.first)
        #expect(large.subject == nil, "no archived copy, no subject")
    }
}
