import Applications
import Config
import Digest
import Foundation
import Intake
import Logging
import MIME
import Mail
import Staff
import Store

/// Handles one fetched message: keeps it in the store, decides, acts, journals. Throws only
/// when the store cannot take what it must keep (then the message stays in INBOX); anything
/// else that goes wrong with a message makes it a poison message, moved to `Rejected` with a
/// note to DSHR, so one bad message never blocks the queue.
struct MessageHandler {
    /// What one pass loads once and carries from message to message.
    struct PassContext {
        var roster: Roster
        /// False when the store has no roster yet: messages are then kept (archived, journalled,
        /// moved to Processed) but not routed or answered, so that nothing is lost or misanswered.
        var isRouting: Bool
        /// Content hashes of messages already routed, and where to: a message handled before a
        /// crash but not yet moved is moved again, never handled twice.
        var routed: [String: RoutingOutcome]
        /// Messages an earlier pass only kept, because the store had no roster then: content
        /// hash → Message-ID (nil when the message had none). Once there is a roster they are
        /// routed like new mail (`HeldMessages`).
        var held: [String: String?]
        var replyLimiter: ReplyLimiter
        /// Where the pass's replies are rendered and queued (nil: at once, on this thread).
        var deferredReplies: ReplyPipeline?
    }

    /// The journal's word for a message kept but not routed (no roster yet).
    static let keptWithoutRoster = "kept without routing: the store has no roster.csv"

    let environment: BotEnvironment
    let replies: ReplyWriter
    var limits = MessageReading.Limits()
    /// The server's folders (set per session by `BotRunner`), for the journal and notes to DSHR.
    var folders: MailFolders
    /// Told after each step of a message's handling (nil in the service). Tests that simulate
    /// a crash at every step throw here: the error leaves the message where a crash would.
    var afterStep: (@Sendable (Step) throws -> Void)?

    /// The steps of handling one message, each durable when it is reported.
    enum Step: Sendable {
        /// Fetched and read; nothing of it kept yet.
        case fetched
        /// Kept in the store's archive.
        case archived
        /// Acted on: the reply, report or application in the store; not yet journalled as routed.
        case acted
        /// Journalled as routed (the pass moves it next).
        case routed
    }

    init(environment: BotEnvironment, renderer: any TemplateRendering) {
        self.environment = environment
        self.replies = ReplyWriter(environment: environment, renderer: renderer)
        folders = .configured(environment.configuration)
        self.limits = MessageReading.Limits(environment.configuration.limits)
        limits.timeZone = environment.timeZone
    }

    func beginPass() throws -> PassContext {
        let store = environment.store
        var routed: [String: RoutingOutcome] = [:]
        var held: [String: String?] = [:]
        for event in try store.journal.events().events where event.event == .routed {
            guard let hash = event.sha256, let outcome = event.outcome.flatMap(RoutingOutcome.init(rawValue:)) else { continue }
            // The latest word on a message counts: kept first, routed once the roster came.
            if event.detail == Self.keptWithoutRoster {
                held[hash] = .some(event.messageID)
                routed[hash] = nil
            } else {
                routed[hash] = outcome
                held[hash] = nil
            }
        }
        var roster = Roster(people: [])
        var isRouting = true
        if FileManager.default.fileExists(atPath: store.roster.url.path) {
            roster = try store.roster.load()
        } else {
            isRouting = false
            environment.logger.warning("no roster.csv in the store at \(store.root.path): messages are kept but not answered; install the roster (copy roster.csv there, or send it with [ROSTER])")
        }
        return PassContext(roster: roster, isRouting: isRouting, routed: routed, held: held,
                           replyLimiter: try ReplyLimiter(outbox: store.outbox, now: environment.now(),
                                                          perHour: environment.configuration.replies.maxPerSenderPerHour))
    }

    /// Where a handled message goes: the folder of its outcome, or, for the bot's own copy,
    /// Sent (or nowhere, when the server keeps its own copies there; see `MailboxPass`).
    struct Disposition: Sendable, Equatable {
        /// nil for the bot's own copies (they are not mail to handle).
        var outcome: RoutingOutcome?

        init(_ outcome: RoutingOutcome) {
            self.outcome = outcome
        }

        static let sentCopy = Disposition(outcome: nil)

        private init(outcome: RoutingOutcome?) {
            self.outcome = outcome
        }
    }

    /// A fetched message with its reading done: the pure, costly part of handling, which a
    /// pass does for several messages at once on several threads (see `MailboxPass`).
    struct Prepared: Sendable {
        let fetched: FetchedMessage
        let fetchedAt: Date
        /// nil for a message too large to fetch or for an own-copy candidate; else the reading
        /// or why it failed.
        let reading: Result<MessageReading, MIMEError>?
        /// The archive's content hash of the body (nil without a body): worked out with the
        /// reading, off the handling thread.
        var sha256: String?
        /// A message from the bot's own address with a Message-ID, parsed but not read: most
        /// likely the bot's own copy, which only the outbox can confirm (on the handling thread).
        /// Reading it in full (forward detection and table search over a long receipt, text and
        /// HTML) would cost far more than filing it; a candidate the outbox does not know is read
        /// then (`handle`).
        var ownCopyCandidate: ParsedMessage?
    }

    /// The bot's address as the reading compares it with a message's From.
    var ownAddress: String { environment.configuration.bot.address.lowercased() }

    /// Reads a message: no I/O and no state, safe on any thread. With `ownAddress`, a message
    /// from that address is only parsed (see `Prepared.ownCopyCandidate`).
    static func prepare(_ fetched: FetchedMessage, fetchedAt: Date, limits: MessageReading.Limits,
                        ownAddress: String?) -> Prepared {
        guard let body = fetched.body else { return Prepared(fetched: fetched, fetchedAt: fetchedAt, reading: nil) }
        let parsed = Result { () throws(MIMEError) -> ParsedMessage in
            try MessageParser(limits: limits.mime).parse([UInt8](body))
        }
        // The same From and Message-ID that `isOwnCopy` compares (`MessageSummary.from`, `.messageId`).
        if case .success(let message) = parsed, let ownAddress, message.sender?.lowercasedAddress == ownAddress,
           message.messageID != nil {
            return Prepared(fetched: fetched, fetchedAt: fetchedAt, reading: nil, ownCopyCandidate: message)
        }
        return read(fetched, fetchedAt: fetchedAt, parsed: parsed, limits: limits)
    }

    private static func read(_ fetched: FetchedMessage, fetchedAt: Date, parsed: Result<ParsedMessage, MIMEError>,
                             limits: MessageReading.Limits) -> Prepared {
        let reading = parsed.map {
            MessageReading.read(parsed: $0, receivedAt: fetched.internalDate ?? fetchedAt, limits: limits)
        }
        return Prepared(fetched: fetched, fetchedAt: fetchedAt, reading: reading, sha256: fetched.body.map(SHA256.hexDigest))
    }

    func handle(_ fetched: FetchedMessage, context: inout PassContext) throws -> Disposition {
        try handle(Self.prepare(fetched, fetchedAt: environment.now(), limits: limits, ownAddress: ownAddress),
                   context: &context)
    }

    func handle(_ prepared: Prepared, context: inout PassContext) throws -> Disposition {
        var prepared = prepared
        if let candidate = prepared.ownCopyCandidate {
            if try isOwnCopy(from: candidate.sender?.lowercasedAddress, messageID: candidate.messageID) { return .sentCopy }
            // From the bot's address but not sent by it (forged, or its outbox lost): mail like any other.
            prepared = Self.read(prepared.fetched, fetchedAt: prepared.fetchedAt, parsed: .success(candidate), limits: limits)
        }
        let fetched = prepared.fetched
        try afterStep?(.fetched)
        guard let body = fetched.body, let result = prepared.reading else {
            return Disposition(try handleTooLarge(fetched, receivedAt: fetched.internalDate ?? prepared.fetchedAt,
                                                  context: &context))
        }
        let fetchedAt = prepared.fetchedAt
        var reading: MessageReading?
        var unreadable: MIMEError?
        switch result {
        case .success(let read): reading = read
        case .failure(let error): unreadable = error
        }
        if let reading, try isOwnCopy(from: reading.summary.from, messageID: reading.summary.messageId) { return .sentCopy }
        let receivedAt = reading?.receivedAt ?? fetched.internalDate ?? fetchedAt
        let archived = try environment.store.archive.store(raw: body, messageID: reading?.summary.messageId,
                                                           receivedAt: receivedAt, sha256: prepared.sha256)
        let hash = archived.message.sha256
        try afterStep?(.archived)
        if let outcome = context.routed[hash] { return Disposition(outcome) }
        try journal(.received, reading: reading, uid: fetched.uid, hash: hash, detail: archived.message.relativePath)
        if let reading, let skew = reading.dateSkewSeconds {
            try journal(.dateSkew, reading: reading, uid: fetched.uid, hash: hash,
                        detail: "the Date: header (\(reading.summary.date ?? "?")) is \(Self.describe(skew: skew)) the server's time of receipt (\(reading.receivedAt.formatted(.iso8601))); the server's time counts")
        }

        var outcome: RoutingOutcome
        var detail: String
        // A message the parser refused is still journalled under its sender and Message-ID.
        let peeked = reading == nil ? HeaderPeek.header(of: [UInt8](body)) : nil
        do {
            if !context.isRouting {
                outcome = .processed
                detail = Self.keptWithoutRoster
            } else if let reading {
                let facts = RoutingFacts(reading, trustedAuthservID: environment.configuration.bot.trustedAuthservID)
                let decision = Router.route(facts, roster: context.roster)
                if let confirmed = try confirmPlanIfReply(reading, decision: decision, roster: context.roster) {
                    outcome = .processed
                    detail = confirmed
                } else {
                    try act(on: decision, reading: reading, hash: hash, context: &context)
                    outcome = decision.outcome
                    detail = decision.journalDetail
                }
            } else {
                // Over a structure limit or damaged: the sender is told why, DSHR gets the figures.
                let refusal = unreadable.map(MessageRefusal.init)
                    ?? MessageRefusal(kind: .damaged, configurationKey: nil, actual: nil, maximum: nil, detail: "?")
                outcome = .rejected
                detail = refusal.journalDetail
                try refuse(refusal, header: peeked, receivedAt: receivedAt, hash: hash, context: &context)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            // A poison message: its own content made handling fail. Park it and tell DSHR.
            environment.logger.error("message UID \(fetched.uid) could not be handled: \(error)")
            outcome = .rejected
            detail = FailureKind.journalDetail(error)
            try reportToDSHR(.processingFailed(FailureKind(error), technical: "\(error)"), reading: reading, hash: hash)
        }
        try afterStep?(.acted)
        let routedEvent = JournalEvent(
            at: environment.now(), event: .routed, messageID: reading?.summary.messageId ?? peeked?.messageID, uid: fetched.uid,
            outcome: outcome.rawValue, folder: folders.folder(for: outcome), from: reading?.summary.from ?? peeked?.sender?.lowercasedAddress,
            detail: detail, sha256: hash)
        // In a pass, written once the message's reply and files are (`ReplyPipeline`).
        if let pipeline = context.deferredReplies {
            pipeline.record(routed: routedEvent)
        } else {
            try environment.store.journal.append(routedEvent)
        }
        // A message only kept stays unrouted: the journal says so, and the pass after the
        // roster arrives routes it (`HeldMessages`).
        if context.isRouting { context.routed[hash] = outcome }
        try afterStep?(.routed)
        return Disposition(outcome)
    }

    /// The bot's own copy of a message it sent (see `OutboxSender`): proof that the server took
    /// it. It marks the outbox entry sent, if a crash left it in flight, and is filed in Sent.
    private func isOwnCopy(from: String?, messageID: String?) throws -> Bool {
        guard from == ownAddress, let messageID,
              let entry = try environment.store.outbox.entry(messageID: messageID) else { return false }
        switch entry.state {
        case .queued, .throttled, .failedTemporary:
            try environment.store.outbox.markSent(messageID: messageID, at: environment.now())
        case .sent, .failedPermanent:
            break
        }
        return true
    }

    private func handleTooLarge(_ fetched: FetchedMessage, receivedAt: Date, context: inout PassContext) throws -> RoutingOutcome {
        let maximum = environment.configuration.limits.maxMessageBytes
        let key = "too-large:\(fetched.uid):\(fetched.size)"
        let refusal = MessageRefusal.tooLarge(size: fetched.size, maximum: maximum)
        let header = fetched.headerFields.flatMap { HeaderPeek.header(of: [UInt8]($0)) }
        if context.isRouting {
            try refuse(refusal, header: header, receivedAt: receivedAt, hash: key, context: &context)
        }
        try environment.store.journal.append(JournalEvent(
            at: environment.now(), event: .routed, messageID: header?.messageID, uid: fetched.uid,
            outcome: RoutingOutcome.rejected.rawValue, folder: folders.rejected,
            from: header?.sender?.lowercasedAddress, detail: refusal.detail))
        return .rejected
    }

    /// "3 days before" / "2 days after", for the journal.
    static func describe(skew seconds: Int) -> String {
        let hours = abs(seconds) / 3600
        let amount = hours >= 48 ? "\(hours / 24) days" : "\(hours) hours"
        return amount + (seconds < 0 ? " before" : " after")
    }

    private func journal(_ kind: JournalEventKind, reading: MessageReading?, uid: UInt32, hash: String, detail: String?) throws {
        try environment.store.journal.append(JournalEvent(
            at: environment.now(), event: kind, messageID: reading?.summary.messageId, uid: uid,
            from: reading?.summary.from, detail: detail, sha256: hash))
    }
}
