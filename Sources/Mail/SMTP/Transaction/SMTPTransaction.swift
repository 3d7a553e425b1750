/// One mail transaction's meaning (RFC 5321 §3.3): which commands it sends, and what the
/// server's replies to them mean for the caller. Pure: replies in, `SendReport` or error out.
struct SMTPTransaction {
    let message: SMTPMessage
    let server: String

    /// What follows the replies to MAIL, the RCPTs and DATA.
    enum Next: Equatable {
        /// 354 with at least one recipient taken: send the message.
        case sendMessage(SendReport)
        /// 354 although no recipient was taken (RFC 2920 §3.1): send only the end-of-data
        /// line; the server then refuses the empty transaction.
        case endEmptyData(SendReport)
        /// No 354: nothing more to send for this message but RSET, and this is the outcome.
        case done(Result<SendReport, MailError>)
    }

    /// MAIL FROM, every RCPT TO and DATA, as one pipelined group (RFC 2920 §3.1: DATA last).
    func envelopeCommands(_ capabilities: SMTPCapabilities) -> [String] {
        [mailCommand(capabilities)] + message.recipients.map(SMTPCommand.recipient) + [SMTPCommand.data]
    }

    func mailCommand(_ capabilities: SMTPCapabilities) -> String {
        let addresses = [message.from] + message.recipients
        return SMTPCommand.mailFrom(
            message.from, size: capabilities.size ? message.data.count : nil,
            smtpUTF8: capabilities.smtpUTF8 && addresses.contains { !$0.allSatisfy(\.isASCII) })
    }

    /// MAIL refused: the message went nowhere (the RCPT and DATA replies, 503s, say nothing).
    func mailRefused(_ mail: SMTPReply) -> MailError? {
        mail.isPositive ? nil : .messageRefused(server: server, reply: mail.summary)
    }

    /// What every recipient's reply says, keyed by the address as the caller spelt it.
    func report(recipientReplies: [SMTPReply]) -> SendReport {
        var results: [String: RecipientResult] = [:]
        for (address, reply) in zip(message.recipients, recipientReplies) {
            results[address] = RecipientResult(code: reply.code, reply: reply.summary)
        }
        return SendReport(perRecipient: results)
    }

    func next(mail: SMTPReply, recipients: [SMTPReply], data: SMTPReply) -> Next {
        if let refusal = mailRefused(mail) { return .done(.failure(refusal)) }
        let report = report(recipientReplies: recipients)
        // Every recipient refused: the report says why (a 554 "no valid recipients" to DATA
        // is expected and says nothing more).
        if report.accepted.isEmpty {
            return data.isStartMailInput ? .endEmptyData(report) : .done(.success(report))
        }
        guard data.isStartMailInput else {
            return .done(.failure(.messageRefused(server: server, reply: data.summary)))
        }
        return .sendMessage(report)
    }

    /// The reply after the end of data decides: only a 2xx means the server took the message.
    func outcome(report: SendReport, final reply: SMTPReply) -> Result<SendReport, MailError> {
        reply.isPositive ? .success(report) : .failure(.messageRefused(server: server, reply: reply.summary))
    }
}
