import Foundation
import MIME
import Staff
import Store

/// Queues the cycle's messages through `ReplyWriter`, telling whether a message is new: the
/// Message-ID comes from the purpose, so a purpose already in the outbox is never sent again.
struct CycleMail {
    let environment: BotEnvironment
    let writer: ReplyWriter

    /// True when the message was queued now, false when its purpose was queued before.
    @discardableResult
    func send(_ request: ReplyWriter.Request) throws -> Bool {
        let messageID = MessageComposer.messageID(key: request.purpose, domain: environment.domain)
        if try environment.store.outbox.entry(messageID: messageID) != nil { return false }
        try writer.enqueue(request)
        return true
    }

    /// Whether a message of this purpose is in the outbox already (so its attachment need not be made).
    func isQueued(purpose: String) throws -> Bool {
        try environment.store.outbox.entry(messageID: messageID(purpose: purpose)) != nil
    }

    /// The outbox entry of this purpose, nil when none was queued.
    func queued(purpose: String) throws -> OutboxEntry? {
        try environment.store.outbox.entry(messageID: messageID(purpose: purpose))
    }

    func messageID(purpose: String) -> String {
        MessageComposer.messageID(key: purpose, domain: environment.domain)
    }

    static func mailbox(_ person: RosterPerson) -> Mailbox { Mailbox(displayName: person.fullName, address: person.email) }
}
