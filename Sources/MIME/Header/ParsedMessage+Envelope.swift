import Foundation

/// The envelope-like fields of a message, decoded.
extension ParsedMessage {
    /// The From mailboxes (RFC 5322 §3.6.2); more than one is allowed.
    public var from: [Mailbox] { header.first("From").map { AddressParser.parseList($0.text) } ?? [] }
    /// The first From mailbox with an address.
    public var sender: Mailbox? { from.first { !$0.address.isEmpty } }
    /// The To mailboxes (RFC 5322 §3.6.3).
    public var to: [Mailbox] { header.first("To").map { AddressParser.parseList($0.text) } ?? [] }
    /// The Cc mailboxes (RFC 5322 §3.6.3).
    public var cc: [Mailbox] { header.first("Cc").map { AddressParser.parseList($0.text) } ?? [] }
    /// Where the author wants replies to go (RFC 5322 §3.6.2).
    public var replyTo: [Mailbox] { header.first("Reply-To").map { AddressParser.parseList($0.text) } ?? [] }
    /// The Subject, RFC 2047-decoded.
    public var subject: String? { header["Subject"] }
    /// The Date field, parsed leniently (`DateParser`).
    public var date: MessageDate? { header.first("Date").flatMap { DateParser.parse($0.text) } }
    /// The first `<id>` of Message-ID (RFC 5322 §3.6.4).
    public var messageID: String? { header.first("Message-ID").flatMap { MessageIDs.parse($0.text).first } }
    /// The ids of In-Reply-To: the message(s) this one answers.
    public var inReplyTo: [String] { header.first("In-Reply-To").map { MessageIDs.parse($0.text) } ?? [] }
    /// The ids of References: the thread, oldest first.
    public var references: [String] { header.first("References").map { MessageIDs.parse($0.text) } ?? [] }

    /// The Return-Path (envelope sender): "" for the null sender `<>` of bounces, nil when absent.
    public var returnPath: String? {
        guard let field = header.first("Return-Path") else { return nil }
        let text = ParameterizedValue.stripComments(field.text).trimmingWhitespace()
        if text.replacingOccurrences(of: " ", with: "") == "<>" { return "" }
        return AddressParser.parseFirst(text)?.address ?? ""
    }
}
