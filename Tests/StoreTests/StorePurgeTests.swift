import Foundation
import Testing
@testable import Store

/// Retention with a fake clock: "now" is a fixed day in 2027, the store's contents are dated around it.
@Suite struct StorePurgeTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)  // 15 January 2027
    static let rules = RetentionRules(rawMessagesDays: 1095, journalPersonalDays: 365, closedCycleApplicationsYears: 5,
                                      timeZone: TimeZone(identifier: "Asia/Almaty")!)
    static func daysAgo(_ days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }

    static func store(_ dir: TemporaryDirectory) throws -> FileStore {
        let store = try dir.store()
        _ = try store.archive.store(raw: Data("From: old@kazguu.kz\r\n\r\nold\r\n".utf8), messageID: "old@x", receivedAt: daysAgo(1200), now: daysAgo(1200))
        _ = try store.archive.store(raw: Data("From: new@kazguu.kz\r\n\r\nnew\r\n".utf8), messageID: "new@x", receivedAt: daysAgo(10), now: daysAgo(10))
        try store.outbox.enqueue(messageID: "sent-old@x", purpose: "p", recipients: ["old@kazguu.kz"], subject: nil,
                                 raw: Data("x".utf8), now: daysAgo(1200))
        try store.outbox.markSent(messageID: "sent-old@x", at: daysAgo(1200))
        try store.outbox.enqueue(messageID: "queued-old@x", purpose: "p", recipients: ["old@kazguu.kz"], subject: nil,
                                 raw: Data("y".utf8), now: daysAgo(1200))
        try store.journal.append(JournalEvent(at: daysAgo(400), event: .routed, messageID: "old@x", outcome: "processed",
                                              from: "old@kazguu.kz", detail: "receipt to old@kazguu.kz"))
        try store.journal.append(JournalEvent(at: daysAgo(5), event: .routed, messageID: "new@x", from: "new@kazguu.kz"))
        for cycle in ["2020-2021", "2021-2022"] {
            try store.applications.replace(unit: "U", cycle: cycle, rows: [])
        }
        return store
    }

    @Test func dryRunSaysWhatAndChangesNothing() throws {
        let dir = try TemporaryDirectory()
        let store = try Self.store(dir)
        let before = try StoreBackup.inventory(of: store.root).mapValues(\.sha256)
        let actions = try StorePurge(store: store).run(Self.rules, now: Self.now, dryRun: true, by: "test")
        #expect(actions == [
            "messages: 1 received message(s) older than 1095 days",
            "outbox: 1 sent message(s) older than 1095 days",
            "applications/2020-2021: the cycle closed more than 5 year(s) ago",
            "journal: 1 event(s) older than 365 days lose their addresses",
        ])
        #expect(try StoreBackup.inventory(of: store.root).mapValues(\.sha256) == before)
    }

    @Test func purgeDeletesAndAnonymisesWhatIsDue() throws {
        let dir = try TemporaryDirectory()
        let store = try Self.store(dir)
        _ = try StorePurge(store: store).run(Self.rules, now: Self.now, dryRun: false, by: "test")
        #expect(try store.archive.message(withMessageID: "old@x") == nil)
        #expect(try store.archive.message(withMessageID: "new@x") != nil)
        #expect(try store.outbox.all().map(\.messageID) == ["queued-old@x"], "a message not yet sent is never purged")
        #expect(try store.applications.cycles() == ["2021-2022"])
        let events = try store.journal.events().events
        #expect(events[0].from == nil && events[0].detail == "receipt to [address removed]" && events[0].outcome == "processed")
        #expect(events[1].from == "new@kazguu.kz")
        #expect(events.last?.event == "purged")
        // A second run the same day finds nothing more.
        #expect(try StorePurge(store: store).run(Self.rules, now: Self.now, dryRun: false, by: "test").isEmpty)
    }
}
