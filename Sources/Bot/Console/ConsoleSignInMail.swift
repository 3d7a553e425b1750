import Config
public import Staff
import Foundation
import MIME
import Store

/// The console's sign-in mail (issue 17): queued in the outbox like every other message, in
/// the person's language, so the bot's SMTP path, pacing and retries send it.
public struct ConsoleSignInMail {
    let environment: BotEnvironment
    let writer: ReplyWriter

    /// Reads the templates; throws when they cannot be loaded.
    public init(environment: BotEnvironment) throws {
        let renderer = try TemplateLibraryRenderer(directory: environment.templatesDirectory,
                                                   signature: MailSignature(environment.configuration.signature))
        self.environment = environment
        writer = ReplyWriter(environment: environment, renderer: renderer)
    }

    /// Queues the link for `person`; `key` makes the Message-ID (never the token itself).
    /// Returns the Message-ID.
    @discardableResult
    public func queue(to person: RosterPerson, link: String, validMinutes: Int, key: String) throws -> String {
        try writer.enqueue(ReplyWriter.Request(
            template: "console_sign_in", language: person.language.rawValue,
            context: { _ in
                ["name": person, "link": link, "valid_minutes": validMinutes,
                 "requested_at": MailTimestamp(environment.now(), in: environment.timeZone)]
            },
            to: [Mailbox(displayName: person.fullName, address: person.email)], purpose: "console-sign-in:" + key,
            autoSubmitted: "auto-generated"))
    }
}
