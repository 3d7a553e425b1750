import Foundation
import Store
import Testing
@testable import Bot

/// At most N replies an hour to one address, counted from what the outbox queued in the last
/// hour – so a restart does not reset the allowance.
@Suite struct ReplyLimiterTests {
    static let now = Date(timeIntervalSince1970: 1_778_000_000)

    func outbox(_ entries: [(purpose: String, to: String, minutesAgo: Double)]) throws -> (Outbox, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reply-limiter-\(UUID().uuidString)")
        let store = try FileStore(root: folder)
        for (index, entry) in entries.enumerated() {
            let id = "limit-\(index)@kazguu.kz"
            try store.outbox.enqueue(messageID: id, purpose: "\(entry.purpose):\(index)", recipients: [entry.to], subject: "s",
                                     raw: Data("Message-ID: <\(id)>\r\n\r\nx\r\n".utf8),
                                     now: Self.now.addingTimeInterval(-entry.minutesAgo * 60))
        }
        return (store.outbox, folder)
    }

    @Test func theAllowanceCountsWhatWasQueuedInTheLastHour() throws {
        let (outbox, folder) = try outbox([
            ("reply-receipt", "staff1420@kazguu.kz", 10), ("reply-refusal", "staff1420@kazguu.kz", 59),
            ("reply-receipt", "staff1420@kazguu.kz", 61),  // over an hour ago: not counted
            ("report", "staff1420@kazguu.kz", 5),           // not a reply: not counted
            ("reply-receipt", "staff1421@kazguu.kz", 1),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        var limiter = try ReplyLimiter(outbox: outbox, now: Self.now, perHour: 3)
        let asked = ["staff1420@kazguu.kz", "staff1420@kazguu.kz", "STAFF1420@kazguu.kz",
                     "staff1421@kazguu.kz", "staff1421@kazguu.kz", "staff1421@kazguu.kz", "staff1422@kazguu.kz"]
        let answers = asked.map { limiter.allow($0) }
        // staff1420: two replies queued in the hour, so one more; its address compared without case.
        // staff1421: one queued a minute ago, so two more. staff1422: none queued.
        #expect(answers == [true, false, false, true, true, false, true])
    }

    @Test func zeroAllowsNoReply() throws {
        let (outbox, folder) = try outbox([])
        defer { try? FileManager.default.removeItem(at: folder) }
        var limiter = try ReplyLimiter(outbox: outbox, now: Self.now, perHour: 0)
        let allowed = limiter.allow("staff1423@kazguu.kz")
        #expect(!allowed)
    }
}
