/// The message's readable body: plain text, HTML, or HTML turned into text.
extension ParsedMessage {
    /// The first text/plain body that is not an attachment, outside attached messages.
    public var plainTextPart: MIMEPart? { bodyPart("text/plain") }
    /// The first text/html body that is not an attachment, outside attached messages.
    public var htmlPart: MIMEPart? { bodyPart("text/html") }

    /// The decoded HTML body as a String (for the Documents module's table reader).
    public func htmlBody(limits: MIMELimits = .default) -> String? {
        guard let part = htmlPart, let bytes = try? part.decodedBody(limits: limits).bytes else { return nil }
        // Some clients declare the charset only in the HTML itself (<meta charset=…>).
        let label = part.contentType.charset ?? HTMLText.declaredCharset(bytes)
        return Charset.decode(bytes, label: label)
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
