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

extension ParsedMessage {
    /// The first text/plain body that is not an attachment, outside attached messages.
    public var plainTextPart: MIMEPart? { bodyPart("text/plain") }
    /// The first text/html body that is not an attachment, outside attached messages.
    public var htmlPart: MIMEPart? { bodyPart("text/html") }

    /// The decoded HTML body as a String (for the Documents module's table reader).
    public func htmlBody(limits: MIMELimits = .default) -> String? {
        guard let part = htmlPart else { return nil }
        return try? part.text(limits: limits)
    }

    /// The body as plain text: the text/plain alternative, else the HTML body converted.
    public func readableText(limits: MIMELimits = .default) -> String {
        if let part = plainTextPart, let text = try? part.text(limits: limits),
           !text.allSatisfy(\.isWhitespace) { return text }
        if let html = htmlBody(limits: limits) { return HTMLText.plainText(html) }
        return ""
    }

    private func bodyPart(_ mimeType: String) -> MIMEPart? {
        func walk(_ p: MIMEPart) -> MIMEPart? {
            switch p.content {
            case .single:
                let isFile = p.disposition?.value == "attachment" || (p.filename != nil && p.disposition?.value != "inline")
                return p.contentType.mimeType == mimeType && !isFile ? p : nil
            case let .multipart(children):
                for c in children { if let found = walk(c) { return found } }
                return nil
            case .message:
                return nil
            }
        }
        return walk(root)
    }
}
