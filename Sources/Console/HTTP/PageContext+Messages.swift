import Foundation
import Staff
import Store

extension PageContext {
    /// Lines the messages page shows at most; the filters find the rest.
    static let messagesShown = 500

    /// `/messages?from=&outcome=&date=`: DSHR's.
    func messages(_ request: ConsoleRequest) throws -> ConsoleResponse {
        guard viewer.role == .dshr else { return notFound() }
        let filter = MessagesPage.Filter(from: request.query["from"] ?? "", outcome: request.query["outcome"] ?? "",
                                         date: request.query["date"] ?? "")
        let page = MessagesPage(events: try store.journal.events().events, filter: filter, limit: Self.messagesShown,
                                strings: strings)
        return render("messages", values: ["page": page, "nav_messages": true])
    }

    /// `/messages/<sha256>`: one message's journal lines, outcome and replies; DSHR's.
    func message(sha256: String) throws -> ConsoleResponse {
        guard viewer.role == .dshr, MessagesPage.isDigest(sha256) else { return notFound() }
        let events = try store.journal.events().events
        guard events.contains(where: { $0.sha256 == sha256 }) else { return notFound() }
        let page = MessageDetailPage(sha256: sha256, events: events, outbox: try store.outbox.all(), strings: strings)
        return render("message_detail", values: ["page": page, "nav_messages": true])
    }
}
