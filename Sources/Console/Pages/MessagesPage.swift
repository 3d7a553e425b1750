import Foundation
import Regulation
public import Store

/// DSHR's journal of messages (values in, values out): every message in and every send out,
/// newest first, filtered by sender, outcome and day (Almaty).
public struct MessagesPage: Sendable {
    /// The page's query (`from`, `outcome`, `date`); empty fields do not filter.
    public struct Filter: Sendable, Equatable {
        /// Part of the sender's address, matched case-insensitively; stored lowercased.
        public var from = ""
        /// An outcome key (`processed`, `rejected`, …), matched exactly.
        public var outcome = ""
        /// `yyyy-mm-dd`, the Almaty day.
        public var date = ""
        /// A filter from the query's values, trimmed of the spaces a pasted value brings.
        public init(from: String = "", outcome: String = "", date: String = "") {
            self.from = from.trimmingCharacters(in: .whitespaces).lowercased()
            self.outcome = outcome.trimmingCharacters(in: .whitespaces)
            self.date = date.trimmingCharacters(in: .whitespaces)
        }
    }
    /// One journal event as the page shows it.
    public struct Line: Sendable, Equatable {
        /// When it happened, on the university's clock.
        public var at: String
        /// The event's kind (`received`, `routed`, `sent`, …).
        public var event: String
        /// The sender's address; empty for events that have none.
        public var from: String
        /// The outcome in the page's language; empty unless the message was routed.
        public var outcome: String
        /// The journal's short explanation (already redacted of credentials).
        public var detail: String
        /// `/messages/<sha256>` when the line belongs to a received message.
        public var href: String
        /// True when `href` is set (the template links only then).
        public var hasHref: Bool
    }

    /// The filter as applied, so the form shows it again.
    public var filter: Filter
    /// The matching events, newest first, at most `limit`.
    public var lines: [Line]
    /// True when `lines` is not empty.
    public var hasLines: Bool
    /// More lines matched than are shown.
    public var isCut: Bool
    /// How many lines are shown (`lines.count`).
    public var shown: Int
    /// How many events matched before the limit.
    public var matched: Int
    /// One option of the outcome drop-down.
    public struct Choice: Sendable, Equatable {
        /// The outcome key sent back in the query.
        public var value: String
        /// The outcome in the page's language.
        public var label: String
        /// True for the outcome the filter already uses.
        public var selected: Bool
    }
    /// Every outcome the journal holds, as drop-down options by key.
    public var outcomes: [Choice]

    /// The events a person reads about a message (not polls, not the console's own).
    static let kinds: Set<JournalEventKind> = [.received, .routed, .sent, .sendFailed, .bounced, .dateSkew]

    /// Only events about messages (`kinds`) are shown; the newest `limit` of the matches, newest first.
    public init(events: [JournalEvent], filter: Filter, limit: Int, strings: ConsoleStrings) {
        self.filter = filter
        let day = Self.localDay(filter.date, in: strings.timeZone)
        // One pass from the newest end, without copying the matches out of the journal's
        // 100,000 events: this page is made again after every journal line.
        func matches(_ event: JournalEvent) -> Bool {
            guard Self.kinds.contains(event.event) else { return false }
            if !filter.from.isEmpty, !(event.from ?? "").lowercased().contains(filter.from) { return false }
            if !filter.outcome.isEmpty, event.outcome != filter.outcome { return false }
            if let day, !day.contains(event.at) { return false }
            return true
        }
        var newest: [JournalEvent] = []
        var count = 0
        var known = Set<String>()
        for event in events.reversed() {
            if let outcome = event.outcome { known.insert(outcome) }
            guard matches(event) else { continue }
            count += 1
            if newest.count < limit { newest.append(event) }
        }
        matched = count
        lines = newest.map { event in
            let sha = event.sha256.flatMap { MessagesPage.isDigest($0) ? $0 : nil }
            return Line(at: strings.moment(event.at), event: event.event.rawValue, from: event.from ?? "",
                        outcome: event.outcome.map { Self.outcomeText($0, strings: strings) } ?? "", detail: event.detail ?? "",
                        href: sha.map { "/messages/" + $0 } ?? "", hasHref: sha != nil)
        }
        shown = lines.count
        hasLines = !lines.isEmpty
        isCut = matched > shown
        outcomes = known.sorted().map { Choice(value: $0, label: Self.outcomeText($0, strings: strings), selected: $0 == filter.outcome) }
    }

    /// The moments of a day on the university's clock (`bot.time_zone`) given as `yyyy-mm-dd`;
    /// nil for no day or a wrong one.
    static func localDay(_ text: String, in zone: TimeZone) -> Range<Date>? {
        guard let day = CivilDate(text: text) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let start = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)),
              let end = calendar.date(byAdding: .day, value: 1, to: start) else { return nil }
        return start..<end
    }

    /// The outcome in the page's language where the console has a word for it, else its key.
    static func outcomeText(_ outcome: String, strings: ConsoleStrings) -> String {
        let text = strings["outcome_" + outcome]
        return text == "outcome_" + outcome ? outcome : text
    }

    static func isDigest(_ text: String) -> Bool {
        text.count == 64 && text.allSatisfy { $0.isHexDigit && ($0.isNumber || $0.isLowercase) }
    }
}

/// One message: every journal line about it and the replies the bot queued for it.
public struct MessageDetailPage: Sendable {
    /// One answer the bot queued for the message.
    public struct Reply: Sendable, Equatable {
        /// The outbox purpose (`reply-<kind>:<sha256>`).
        public var purpose: String
        /// The reply's subject; empty when it has none.
        public var subject: String
        /// The recipients, comma-separated.
        public var recipients: String
        /// Queued, sent (with when) or failed (with why), in the page's language.
        public var state: String
        /// When it was queued, on the university's clock.
        public var queued: String
    }
    /// The archived message's SHA-256 (64 lowercase hex digits): the page's key.
    public var sha256: String
    /// The sender's address from the first event that names one.
    public var from: String
    /// The Message-ID (RFC 5322 §3.6.4) in angle brackets; empty when unknown.
    public var messageID: String
    /// The last outcome the journal recorded, in the page's language.
    public var outcome: String
    /// Every journal event about the message, in journal order (oldest first).
    public var events: [MessagesPage.Line]
    /// The replies queued for it, oldest first.
    public var replies: [Reply]
    /// True when `replies` is not empty.
    public var hasReplies: Bool

    /// The message's page from the whole journal and outbox; events of other messages are ignored.
    public init(sha256: String, events all: [JournalEvent], outbox: [OutboxEntry], strings: ConsoleStrings) {
        self.sha256 = sha256
        let mine = all.filter { $0.sha256 == sha256 }
        from = mine.compactMap(\.from).first ?? ""
        messageID = mine.compactMap(\.messageID).first ?? ""
        outcome = mine.last { $0.outcome != nil }?.outcome.map { MessagesPage.outcomeText($0, strings: strings) } ?? ""
        events = mine.map {
            MessagesPage.Line(at: strings.moment($0.at), event: $0.event.rawValue, from: $0.from ?? "",
                              outcome: $0.outcome.map { MessagesPage.outcomeText($0, strings: strings) } ?? "",
                              detail: $0.detail ?? "", href: "", hasHref: false)
        }
        // The handler queues its answers under `reply-<kind>:<sha256>`.
        replies = outbox.filter { $0.purpose.hasPrefix("reply-") && $0.purpose.hasSuffix(":" + sha256) }
            .sorted { $0.queuedAt < $1.queuedAt }
            .map { Reply(purpose: $0.purpose, subject: $0.subject ?? "", recipients: $0.recipients.joined(separator: ", "),
                         state: Self.stateText($0.state, strings: strings), queued: strings.moment($0.queuedAt)) }
        hasReplies = !replies.isEmpty
    }

    static func stateText(_ state: OutboxState, strings: ConsoleStrings) -> String {
        switch state {
        case .queued: return strings["outbox_queued"]
        case .throttled(_, let reason): return strings["outbox_queued"] + " – " + reason
        case .sent(let at): return strings["outbox_sent"] + ", " + strings.moment(at)
        case .failedTemporary(_, _, let reason): return strings["outbox_queued"] + " – " + reason
        case .failedPermanent(_, let reason): return strings["outbox_failed"] + " – " + reason
        }
    }
}
