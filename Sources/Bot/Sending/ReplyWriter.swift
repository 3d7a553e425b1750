import Config
import Foundation
import Intake
import MIME
import Store

/// Puts the bot's own messages into the outbox: rendered from templates in the recipient's
/// language, composed as text + HTML, with a Message-ID derived from the purpose (so the same
/// purpose never yields two messages), `Auto-Submitted`, and threading headers.
struct ReplyWriter {
    struct Request {
        /// Template name under templates/<language>/.
        var template: String
        var language: String
        /// The template's values; given the language's strings (labels of columns and problems).
        var context: (ReplyStrings) -> [String: Any]
        var to: [Mailbox]
        var cc: [Mailbox] = []
        /// What the message is for; the Message-ID is derived from it ("receipt:<sha256>").
        var purpose: String
        var inReplyTo: String?
        var references: [String] = []
        /// `auto-replied` for answers to a person's message, `auto-generated` for everything else.
        var autoSubmitted = "auto-replied"
        var attachments: [OutgoingMessage.Attachment] = []
    }

    let environment: BotEnvironment
    let renderer: any TemplateRendering

    /// A reply rendered and composed, ready for the outbox (`queue`).
    struct Composed: Sendable {
        let messageID: String
        let purpose: String
        let recipients: [String]
        let subject: String
        let raw: Data
    }

    /// Renders, composes and queues. Returns the Message-ID (the queued one, if it was queued before).
    @discardableResult
    func enqueue(_ request: Request) throws -> String {
        let messageID = Self.messageID(of: request, environment: environment)
        if try environment.store.outbox.entry(messageID: messageID) != nil { return messageID }
        try queue(try compose(request, at: environment.now()))
        return messageID
    }

    /// The Message-ID `request` gets (derived from its purpose).
    static func messageID(of request: Request, environment: BotEnvironment) -> String {
        MessageComposer.messageID(key: request.purpose, domain: environment.domain)
    }

    /// Renders and composes `request`, dated `now`; touches no file, so any thread may do it
    /// (`ReplyPipeline` does it on the reading threads).
    func compose(_ request: Request, at now: Date) throws -> Composed {
        let rendered = try renderer.render(request.template, language: request.language, context: request.context)
        var message = OutgoingMessage(
            from: Mailbox(displayName: rendered.senderName, address: environment.configuration.bot.address),
            to: request.to, subject: rendered.subject, text: rendered.text, messageIDKey: request.purpose,
            messageIDDomain: environment.domain, date: now, utcOffsetSeconds: environment.timeZone.secondsFromGMT(for: now))
        message.cc = request.cc
        message.html = rendered.html
        message.inReplyTo = request.inReplyTo
        message.references = request.references
        message.autoSubmitted = request.autoSubmitted
        message.contentLanguage = request.language
        message.attachments = request.attachments
        return Composed(messageID: Self.messageID(of: request, environment: environment), purpose: request.purpose,
                        recipients: (request.to + request.cc).map(\.lowercasedAddress), subject: rendered.subject,
                        raw: Data(MessageComposer.compose(message)))
    }

    /// Puts a composed reply into the outbox (idempotent: a Message-ID queued before is kept).
    func queue(_ composed: Composed) throws {
        try environment.store.outbox.enqueue(
            messageID: composed.messageID, purpose: composed.purpose, recipients: composed.recipients,
            subject: composed.subject, raw: composed.raw, now: environment.now())
    }
}
