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

    /// Renders, composes and queues. Returns the Message-ID (the queued one, if it was queued before).
    @discardableResult
    func enqueue(_ request: Request) throws -> String {
        let messageID = MessageComposer.messageID(key: request.purpose, domain: environment.domain)
        if try environment.store.outbox.entry(messageID: messageID) != nil { return messageID }
        let rendered = try renderer.render(request.template, language: request.language, context: request.context)
        let now = environment.now()
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
        let raw = Data(MessageComposer.compose(message))
        try environment.store.outbox.enqueue(
            messageID: messageID, purpose: request.purpose,
            recipients: (request.to + request.cc).map(\.lowercasedAddress), subject: rendered.subject,
            raw: raw, now: environment.now())
        return messageID
    }
}
