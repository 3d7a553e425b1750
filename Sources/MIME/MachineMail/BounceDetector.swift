import Foundation

/// Recognises bounces: RFC 3464 delivery status notifications, and the plain-text "Mail delivery
/// failed" / "Undelivered Mail Returned to Sender" messages mailer daemons still send.
public enum BounceDetector {
    /// The delivery failure the message reports, nil when it is no bounce.
    public static func failure(in message: ParsedMessage, limits: MIMELimits = .default) -> DeliveryFailure? {
        if let dsn = deliveryStatusNotification(message, limits: limits) { return dsn }
        return plainTextBounce(message, limits: limits)
    }

    // MARK: RFC 3464

    private static func deliveryStatusNotification(_ message: ParsedMessage, limits: MIMELimits) -> DeliveryFailure? {
        let type = message.root.contentType
        guard type.mimeType == "multipart/report", type.parameters["report-type"]?.lowercased() == "delivery-status"
            || message.root.parts.contains(where: { $0.contentType.mimeType.hasSuffix("delivery-status") })
        else { return nil }
        guard let statusPart = message.root.parts.first(where: {
            $0.contentType.mimeType == "message/delivery-status" || $0.contentType.mimeType == "message/global-delivery-status"
        }), let body = try? statusPart.decodedBody(limits: limits).bytes else { return nil }

        let groups = fieldGroups(body, limits: limits)
        let reportingMTA = groups.first?["Reporting-MTA"].map(typedValue)
        var recipients: [DeliveryFailure.Recipient] = []
        for group in groups.dropFirst() {
            guard let raw = group["Final-Recipient"] ?? group["Original-Recipient"] else { continue }
            let action = group["Action"]?.lowercased()
            guard action == nil || action == "failed" else { continue }
            recipients.append(DeliveryFailure.Recipient(
                address: typedValue(raw).trimmingCharacters(in: ["<", ">", " "]).lowercased(),
                action: action, status: group["Status"], diagnostic: group["Diagnostic-Code"].map(typedValue)))
        }
        guard !recipients.isEmpty else { return nil }
        return DeliveryFailure(format: .deliveryStatusNotification, recipients: recipients,
                               originalMessageID: originalMessageID(message, limits: limits), reportingMTA: reportingMTA)
    }

    /// The blocks of "Field: value" lines in a delivery-status body (per-message, then per-recipient).
    private static func fieldGroups(_ body: [UInt8], limits: MIMELimits) -> [HeaderSection] {
        var groups: [HeaderSection] = []
        var start = 0
        let parser = HeaderParser(limits: limits)
        while start < body.count {
            // Skip blank lines between groups.
            while start < body.count, body[start] == 0x0D || body[start] == 0x0A || body[start] == 0x20 { start += 1 }
            guard start < body.count, let result = try? parser.parse(body, range: start..<body.count, requireHeader: false),
                  result.bodyStart > start else { break }
            if !result.header.fields.isEmpty { groups.append(result.header) }
            start = result.bodyStart
        }
        return groups
    }

    /// "rfc822; addr" → "addr".
    private static func typedValue(_ value: String) -> String {
        guard let semi = value.firstIndex(of: ";") else { return value.trimmingWhitespace() }
        return String(value[value.index(after: semi)...]).trimmingWhitespace()
    }

    private static func originalMessageID(_ message: ParsedMessage, limits: MIMELimits) -> String? {
        for part in message.allParts.dropFirst() {
            if let inner = part.encapsulatedMessage, let id = inner.messageID { return id }
            if part.contentType.mimeType == "text/rfc822-headers", let bytes = try? part.decodedBody(limits: limits).bytes,
               let head = try? HeaderParser(limits: limits).parse(bytes, range: 0..<bytes.count, requireHeader: false),
               let field = head.header.first("Message-ID"), let id = MessageIDs.parse(field.text).first {
                return id
            }
        }
        return nil
    }

    // MARK: Plain-text bounces

    static let daemonLocalParts: Set<String> = ["mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon"]
    static let subjectPhrases = [
        "mail delivery failed", "undelivered mail", "undeliverable", "delivery status notification (failure)",
        "returned mail", "failure notice", "delivery failure", "delivery has failed", "could not be delivered",
        "не доставлено", "недоставленное сообщение", "сообщение не доставлено", "ошибка доставки",
        "жеткізілмеді", "хабар жеткізілмеді",
    ]
    /// Lines after which the bounced message's copy begins (its addresses are not failures).
    static let copyMarkers = [
        "this is a copy of the message", "below this line is a copy", "original message follows",
        "original message", "header of the original message", "original message headers", "копия сообщения",
        "исходное сообщение",
    ]

    private static func plainTextBounce(_ message: ParsedMessage, limits: MIMELimits) -> DeliveryFailure? {
        let fromDaemon = message.sender.map { daemonLocalParts.contains($0.localPart.lowercased()) } ?? false
        guard fromDaemon || message.returnPath == "" else { return nil }
        let subject = (message.subject ?? "").lowercased()
        guard subjectPhrases.contains(where: { subject.contains($0) }) else { return nil }

        let text = message.readableText(limits: limits)
        var excluded = Set(message.to.map(\.lowercasedAddress))
        if let s = message.sender?.lowercasedAddress { excluded.insert(s) }
        var recipients: [String] = []
        var originalID: String?
        var inCopy = false
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.lowercased()
            if copyMarkers.contains(where: { line.contains($0) }) { inCopy = true }
            if let id = ForwardDetector.label(of: String(rawLine).trimmingWhitespace(), in: ["message-id"]) {
                originalID = originalID ?? MessageIDs.parse(id).first
            }
            guard !inCopy else { continue }
            for address in EmailScanner.addresses(in: String(rawLine)) {
                let local = String(address.prefix { $0 != "@" })
                guard !excluded.contains(address), !daemonLocalParts.contains(local), !recipients.contains(address) else { continue }
                recipients.append(address)
            }
        }
        if originalID == nil { originalID = originalMessageID(message, limits: limits) }
        return DeliveryFailure(format: .plainText,
                               recipients: recipients.map { .init(address: $0, action: nil, status: nil, diagnostic: nil) },
                               originalMessageID: originalID, reportingMTA: message.sender?.domain)
    }
}
