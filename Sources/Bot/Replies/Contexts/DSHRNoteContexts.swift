import Foundation
public import Intake

/// The message a note to DSHR is about.
public struct NotedMessage: Sendable {
    /// The sender's address as written.
    public var from: String?
    /// The decoded subject.
    public var subject: String?
    /// Already formatted for the reader.
    public var date: String?
    /// The Message-ID, so that DSHR can find the message in the mailbox.
    public var messageID: String?
    /// When it arrived: written in the reader's language ("2026 жылғы 12 мамыр, 09:41"), in
    /// place of `date`.
    public var receivedAt: MailTimestamp?

    /// The message's facts for a note.
    public init(from: String?, subject: String?, date: String?, messageID: String?, receivedAt: MailTimestamp? = nil) {
        self.from = from
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.receivedAt = receivedAt
    }

    func values() -> [String: Any] {
        var values: [String: Any] = [:]
        if let from { values["message_from"] = from }
        if let subject { values["message_subject"] = subject }
        if let receivedAt {
            values["message_date"] = receivedAt
        } else if let date {
            values["message_date"] = date
        }
        if let messageID { values["message_id"] = messageID }
        return values
    }
}

/// The context of `report_to_dshr`: a bounce, a forgery or a question, for a person to handle.
public struct ReportContext: Sendable {
    /// Why the message is reported.
    public var reason: ReportReason
    /// The message reported.
    public var message: NotedMessage
    /// For bounces: the address that could not be reached and the subject of our message.
    public var failedRecipient: String?
    /// The subject of our message that bounced.
    public var bouncedSubject: String?
    /// For questions: the sender's name and unit.
    public var senderName: String?
    /// The sender's unit, from the roster.
    public var unit: String?
    /// The IMAP folder the message was moved to.
    public var folder: String

    /// A report; the fields a reason does not use stay nil.
    public init(
        reason: ReportReason, message: NotedMessage, failedRecipient: String? = nil, bouncedSubject: String? = nil,
        senderName: String? = nil, unit: String? = nil, folder: String = RoutingOutcome.reported.folder
    ) {
        self.reason = reason
        self.message = message
        self.failedRecipient = failedRecipient
        self.bouncedSubject = bouncedSubject
        self.senderName = senderName
        self.unit = unit
        self.folder = folder
    }

    /// The template's values (`reason_*` flags, the message's fields).
    public func values() -> [String: Any] {
        var values = message.values()
        values["folder"] = folder
        // A message the outbox could not send is in no folder of the bot's mailbox.
        if folder.isEmpty { values["outside_mailbox"] = true }
        switch reason {
        case .bounce: values["bounce"] = true
        case let .spoofed(claimed):
            values["spoofed"] = true
            if let claimed { values["claimed_from"] = claimed }
        case .questionWithoutApplication: values["question"] = true
        case .noSender: values["no_sender"] = true
        case let .authorUnclear(problem):
            values["author_unclear"] = true
            switch problem {
            case let .severalFromFields(count):
                values["several_from_fields"] = true
                values["from_field_count"] = count
            case let .severalAuthors(addresses):
                values["several_authors"] = true
                values["author_count"] = addresses.count
                values["authors"] = addresses.prefix(20).joined(separator: ", ") + (addresses.count > 20 ? ", …" : "")
            case let .invalidSender(sender):
                values["invalid_sender"] = true
                values["sender_field"] = sender
            case let .authenticatedDomainDiffers(fromDomain, authenticated):
                values["domain_differs"] = true
                values["from_domain"] = fromDomain
                values["authenticated_domain"] = authenticated
            }
        }
        if let failedRecipient { values["failed_recipient"] = failedRecipient }
        if let bouncedSubject { values["bounced_subject"] = bouncedSubject }
        if let senderName { values["sender_name"] = senderName }
        if let unit { values["unit"] = unit }
        return values
    }
}

/// The context of `poison_note`: a message that failed processing again and again and was set
/// aside so that the service keeps running.
public struct PoisonNoteContext: Sendable {
    /// The message that could not be handled.
    public var message: NotedMessage
    /// How often handling it failed before it was set aside.
    public var attempts: Int
    /// The IMAP folder it was moved to.
    public var folder: String
    /// What kind of failure it was, worded for DSHR (`failure.<kind>` in strings.json).
    var failure: FailureKind
    /// The error's own words (English, free of credentials), shown on a separate line for IT.
    public var technical: String?

    init(message: NotedMessage, attempts: Int, folder: String, failure: FailureKind, technical: String?) {
        self.message = message
        self.attempts = attempts
        self.folder = folder
        self.failure = failure
        self.technical = technical
    }

    /// The template's values.
    public func values() -> [String: Any] {
        var values = message.values()
        values["attempts"] = attempts
        values["folder"] = folder
        values["failure"] = WordedReason("failure.\(failure.rawValue)")
        if let technical, !technical.isEmpty { values["for_it"] = String(technical.prefix(500)) }
        return values
    }
}
