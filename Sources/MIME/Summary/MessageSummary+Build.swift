import Digest

extension MessageSummary {
    /// Reads a message and summarises it. Throws only for input that is not a message or breaks a limit.
    public static func read(_ bytes: [UInt8], limits: MIMELimits = .default) throws(MIMEError) -> MessageSummary {
        let message = try MessageParser(limits: limits).parse(bytes)
        return summarise(message, limits: limits)
    }

    /// The summary of a parsed message: envelope, machine-mail signals, forward origin and files.
    public static func summarise(_ message: ParsedMessage, limits: MIMELimits = .default) -> MessageSummary {
        let bounce = BounceDetector.failure(in: message, limits: limits)
        let forward = ForwardDetector.origin(of: message, limits: limits)
        let auth = AuthenticationResults.topmost(in: message.header)
        let autoReplySignals = AutoReplyDetector.signals(message.header)
        // Parsed once: each `message.sender` parses the From field again.
        let sender = message.sender
        return MessageSummary(
            from: sender?.lowercasedAddress,
            fromName: sender?.displayName,
            fromAll: message.header.all("From").flatMap { AddressParser.parseList($0.text) }.map(\.lowercasedAddress).filter { !$0.isEmpty },
            sender: message.header.all("Sender").flatMap { AddressParser.parseList($0.text) }.map(\.lowercasedAddress).filter { !$0.isEmpty },
            to: message.to.map(\.lowercasedAddress).filter { !$0.isEmpty },
            date: message.date?.iso8601,
            subject: message.subject,
            messageId: message.messageID,
            inReplyTo: message.inReplyTo,
            autoReply: !autoReplySignals.isEmpty,
            autoReplySignals: autoReplySignals.map(\.description),
            bounce: bounce.map {
                BounceSummary(format: $0.format.rawValue, failedRecipients: $0.recipients.map(\.address), originalMessageId: $0.originalMessageID)
            },
            forward: forward.map {
                ForwardSummary(author: $0.author.address.isEmpty ? nil : $0.author.lowercasedAddress,
                               authorName: $0.author.displayName, subject: $0.subject, date: $0.date, evidence: $0.evidence.rawValue)
            },
            authenticationResults: auth.map {
                AuthenticationSummary(authservId: $0.authservID, dmarc: $0.dmarc, spf: $0.spf, dkim: $0.dkim, headerFrom: $0.headerFrom)
            },
            attachments: message.fileParts.map { file($0, limits: limits) },
            defects: message.defects.map(\.description),
            malformed: message.isStructurallyBroken)
    }

    static func file(_ part: MIMEPart, limits: MIMELimits) -> FileSummary {
        var summary = FileSummary(filename: part.filename ?? "", contentType: part.effectiveMimeType, size: nil, sha256: nil,
                                  insideForwardedMessage: part.insideForwardedMessage, damaged: false,
                                  inline: part.isInlineReferenced, contains: nil, problem: nil)
        do {
            let decoded = try part.decodedBody(limits: limits)
            if let damage = decoded.damage {
                summary.damaged = true
                summary.problem = damage.rawValue
                return summary
            }
            summary.size = decoded.bytes.count
            summary.sha256 = SHA256.hexDigest(decoded.bytes)
            if part.contentType.mimeType == "application/ms-tnef" || part.filename?.lowercased() == "winmail.dat" {
                do {
                    summary.contains = try TNEFReader.files(in: decoded.bytes, limits: limits).map {
                        FileSummary(filename: $0.filename, contentType: $0.mimeType, size: $0.bytes.count,
                                    sha256: SHA256.hexDigest($0.bytes), insideForwardedMessage: part.insideForwardedMessage,
                                    damaged: false, inline: false, contains: nil, problem: nil)
                    }
                } catch {
                    summary.problem = error.description
                }
            }
        } catch {
            summary.problem = error.description
        }
        return summary
    }
}
