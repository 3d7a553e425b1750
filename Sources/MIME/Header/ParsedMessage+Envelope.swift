import Foundation

/// The envelope-like fields of a message, decoded.
extension ParsedMessage {
    public var from: [Mailbox] { header.first("From").map { AddressParser.parseList($0.text) } ?? [] }
    /// The first From mailbox with an address.
    public var sender: Mailbox? { from.first { !$0.address.isEmpty } }
    public var to: [Mailbox] { header.first("To").map { AddressParser.parseList($0.text) } ?? [] }
    public var cc: [Mailbox] { header.first("Cc").map { AddressParser.parseList($0.text) } ?? [] }
    public var replyTo: [Mailbox] { header.first("Reply-To").map { AddressParser.parseList($0.text) } ?? [] }
    public var subject: String? { header["Subject"] }
    public var date: MessageDate? { header.first("Date").flatMap { DateParser.parse($0.text) } }
    public var messageID: String? { header.first("Message-ID").flatMap { MessageIDs.parse($0.text).first } }
    public var inReplyTo: [String] { header.first("In-Reply-To").map { MessageIDs.parse($0.text) } ?? [] }
    public var references: [String] { header.first("References").map { MessageIDs.parse($0.text) } ?? [] }

    /// The Return-Path (envelope sender): "" for the null sender `<>` of bounces, nil when absent.
    public var returnPath: String? {
        guard let field = header.first("Return-Path") else { return nil }
        let text = ParameterizedValue.stripComments(field.text).trimmingWhitespace()
        if text.replacingOccurrences(of: " ", with: "") == "<>" { return "" }
        return AddressParser.parseFirst(text)?.address ?? ""
    }
}
