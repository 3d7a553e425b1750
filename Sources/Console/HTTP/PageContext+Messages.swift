import Foundation
import MIME
import Staff
import Store

extension PageContext {
    /// Lines the messages page shows at most; the filters find the rest.
    static let messagesShown = 500

    /// `/messages?from=&outcome=&date=`: DSHR every message, a head those from people of their unit.
    func messages(_ request: ConsoleRequest) throws -> ConsoleResponse {
        guard viewer.role != .staff else { return notFound() }
        let filter = MessagesPage.Filter(from: request.query["from"] ?? "", outcome: request.query["outcome"] ?? "",
                                         date: request.query["date"] ?? "")
        var events = try store.journal.events().events
        if let senders = try unitSenders() { events = events.filter { senders.contains(($0.from ?? "").lowercased()) } }
        let page = MessagesPage(events: events, filter: filter, limit: Self.messagesShown, strings: strings)
        return render("messages", values: ["page": page, "nav_messages": true])
    }

    /// `/messages/<sha256>`: one message – how the bot read it (`cpdbot inspect`'s facts), its
    /// journal lines, outcome and replies. DSHR any; a head one from their unit; otherwise 404.
    func message(sha256: String) throws -> ConsoleResponse {
        guard viewer.role != .staff, MessagesPage.isDigest(sha256) else { return notFound() }
        let events = try store.journal.events().events
        guard events.contains(where: { $0.sha256 == sha256 }) else { return notFound() }
        let page = MessageDetailPage(sha256: sha256, events: events, outbox: try store.outbox.all(), strings: strings)
        if let senders = try unitSenders(), !senders.contains(page.from.lowercased()) { return notFound() }
        // Retention or an erasure may have removed the bytes while the journal keeps the lines.
        var reading: MessageReadingPage?
        if let archived = try store.archive.message(sha256: sha256) {
            reading = (try? MessageSummary.read([UInt8](try store.archive.raw(archived))))
                .map { MessageReadingPage(summary: $0, strings: strings) }
        }
        return render("message_detail", values: ["page": page, "nav_messages": true,
                                                 "reading": reading.map { [$0] } ?? [], "has_reading": reading != nil])
    }

    /// The addresses a head's messages may come from (their unit's people); nil for DSHR (all).
    private func unitSenders() throws -> Set<String>? {
        guard viewer.role == .head else { return nil }
        let roster = try store.roster.load()
        var senders = Set(roster.people.filter { $0.unit == viewer.unit }.map { $0.email.lowercased() })
        senders.insert(viewer.email.lowercased())
        return senders
    }
}
