import Foundation
import Logging

extension SMTPClient {
    /// Sends `messages` in order over one connection, pipelined when the server offers
    /// PIPELINING (else command by command).
    ///
    /// `willSend(i)` runs before the first byte of message i is written (e.g. to record that it
    /// is in flight); if it throws, no further message is started, those already started are
    /// finished, and the error is rethrown (the session stays usable). `didSend(i, outcome)`
    /// runs once the outcome of message i is known, in the order outcomes become known (an
    /// unusable message is reported when its turn comes): `.success` only after the server's
    /// 2xx to the end of data (or with
    /// every recipient refused), `.failure(.messageRefused)` when MAIL, DATA or the end of data
    /// was refused, `.failure(.invalidArgument)` for an unusable address (nothing sent).
    /// Throws `MailError` when the connection broke: every message started but not reported
    /// may or may not have been taken by the server. If `didSend` throws, the connection is
    /// dropped (a started message may be half-way) and the error rethrown.
    public func send(
        _ messages: [SMTPMessage], willSend: (Int) throws -> Void = { _ in },
        didSend: (Int, Result<SendReport, MailError>) throws -> Void
    ) throws {
        guard !messages.isEmpty else { return }
        let connection = try connected()
        let stopped: (any Error)?
        do {
            if connection.capabilities.pipelining && allowsPipelining {
                stopped = try sendPipelined(messages, on: connection, willSend: willSend, didSend: didSend)
            } else {
                stopped = try sendLockStep(messages, on: connection, willSend: willSend, didSend: didSend)
            }
        } catch let error as MailError {
            throw error
        } catch {
            // `didSend` failed: the server may be waiting for a message's data.
            self.connection = nil
            throw error
        }
        if let stopped { throw stopped }
    }

    /// RFC 2920: MAIL, RCPTs and DATA of a message in one write; after the 354, the message,
    /// its end of data and the next message's group in one write. Replies are read in order.
    /// Returns what `willSend` threw, once everything started is finished.
    private func sendPipelined(
        _ messages: [SMTPMessage], on connection: SMTPConnection, willSend: (Int) throws -> Void,
        didSend: (Int, Result<SendReport, MailError>) throws -> Void
    ) throws -> (any Error)? {
        var out: [UInt8] = []
        var stopError: (any Error)?
        /// The first sendable message from `start` on, its group queued in `out`.
        func queue(from start: Int) throws -> Int? {
            var index = start
            while index < messages.count {
                if let problem = Self.problem(with: messages[index]) {
                    try didSend(index, .failure(problem))
                    index += 1
                    continue
                }
                do { try willSend(index) } catch {
                    stopError = error
                    return nil
                }
                for command in transaction(messages[index]).envelopeCommands(connection.capabilities) {
                    out.append(contentsOf: command.utf8)
                }
                return index
            }
            return nil
        }

        var current = try queue(from: 0)
        if let index = current {
            try connection.write(out, step: step(messages[index]))
            out.removeAll(keepingCapacity: true)
        }
        while let index = current {
            let transaction = transaction(messages[index])
            let step = step(messages[index])
            let mail = try connection.reply(step: step)
            var recipients: [SMTPReply] = []
            for _ in transaction.message.recipients { recipients.append(try connection.reply(step: step)) }
            let next = transaction.next(mail: mail, recipients: recipients, data: try connection.reply(step: step))
            switch next {
            case .sendMessage:
                transaction.message.data.withUnsafeBytes { MessageData.append($0, to: &out) }
            case .endEmptyData:
                out.append(contentsOf: ".\r\n".utf8)
            case .done:
                out.append(contentsOf: SMTPCommand.reset.utf8)
                connection.ignoredReplies += 1
            }
            let following = try queue(from: index + 1)
            try connection.write(out, step: step)
            out.removeAll(keepingCapacity: true)
            let outcome: Result<SendReport, MailError>
            switch next {
            case .sendMessage(let report):
                outcome = transaction.outcome(report: report, final: try connection.reply(step: step))
            case .endEmptyData(let report):
                _ = try connection.reply(step: step)  // the refusal of an empty transaction
                outcome = .success(report)
            case .done(let result):
                outcome = result
            }
            log(outcome, for: transaction.message)
            try didSend(index, outcome)
            current = following
        }
        return stopError
    }

    /// Without PIPELINING: every command waits for its reply (RFC 5321 §4.3). Returns what
    /// `willSend` threw (nothing of that message was sent).
    private func sendLockStep(
        _ messages: [SMTPMessage], on connection: SMTPConnection, willSend: (Int) throws -> Void,
        didSend: (Int, Result<SendReport, MailError>) throws -> Void
    ) throws -> (any Error)? {
        for (index, message) in messages.enumerated() {
            if let problem = Self.problem(with: message) {
                try didSend(index, .failure(problem))
                continue
            }
            do { try willSend(index) } catch { return error }
            let transaction = transaction(message)
            let step = step(message)
            func exchange(_ command: String) throws(MailError) -> SMTPReply {
                try connection.write(Array(command.utf8), step: step)
                return try connection.reply(step: step)
            }
            let outcome: Result<SendReport, MailError>
            // RSET unless the transaction ended with the data (RFC 5321 §4.1.1.5).
            var reset = true
            let mail = try exchange(transaction.mailCommand(connection.capabilities))
            var recipients: [SMTPReply] = []
            if let refusal = transaction.mailRefused(mail) {
                outcome = .failure(refusal)
            } else {
                for address in message.recipients { recipients.append(try exchange(SMTPCommand.recipient(address))) }
                let report = transaction.report(recipientReplies: recipients)
                if report.accepted.isEmpty {
                    outcome = .success(report)  // no DATA: nobody to send it to
                } else {
                    switch transaction.next(mail: mail, recipients: recipients, data: try exchange(SMTPCommand.data)) {
                    case .sendMessage(let report), .endEmptyData(let report):
                        var body: [UInt8] = []
                        message.data.withUnsafeBytes { MessageData.append($0, to: &body) }
                        try connection.write(body, step: step)
                        outcome = transaction.outcome(report: report, final: try connection.reply(step: step))
                        reset = false
                    case .done(let result):
                        outcome = result
                    }
                }
            }
            if reset {
                try connection.write(Array(SMTPCommand.reset.utf8), step: step)
                connection.ignoredReplies += 1
            }
            log(outcome, for: message)
            try didSend(index, outcome)
        }
        return nil
    }

    private func transaction(_ message: SMTPMessage) -> SMTPTransaction {
        SMTPTransaction(message: message, server: server)
    }

    private func step(_ message: SMTPMessage) -> String {
        "send a message from <\(message.from)> to \(message.recipients.count) recipient(s)"
    }

    private func log(_ outcome: Result<SendReport, MailError>, for message: SMTPMessage) {
        switch outcome {
        case .success(let report):
            logger.debug("SMTP message sent", metadata: [
                "server": "\(server)", "accepted": "\(report.accepted.count)",
                "refused": "\(report.refused.joined(separator: ","))",
            ])
        case .failure(let error):
            logger.debug("SMTP message refused", metadata: ["server": "\(server)", "error": "\(error)"])
        }
    }
}
