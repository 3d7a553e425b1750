import Foundation
import Intake
import Store

/// One message DSHR should know about: refused, reported or ignored.
struct DigestItem: Equatable, Sendable {
    var at: Date
    var from: String?
    var subject: String?
    var folder: String
    var reason: DigestReason
    /// The journal's detail, for reasons that show it.
    var detail: String?
}

/// The messages of one reason, in the order they came.
struct DigestSection: Equatable, Sendable {
    var reason: DigestReason
    var items: [DigestItem]
}

/// What the journal says happened between two summaries (pure: events in, sections out).
enum JournalDigest {
    /// The outcomes DSHR hears about; `processed` mail needs no one.
    static let outcomes: Set<String> = ["rejected", "reported", "ignored"]

    /// The routed messages in `(after, upTo]` whose outcome is not `processed`, grouped by
    /// reason in `DigestReason` order, oldest first within a reason. `subject` looks a message's
    /// subject up from its content hash and archive path (the `received` line's detail).
    static func sections(events: [JournalEvent], after: Date, upTo: Date,
                         subject: (_ sha256: String, _ archivePath: String) -> String?) -> [DigestSection] {
        var paths: [String: String] = [:]
        for event in events where event.event == .received {
            if let hash = event.sha256, let path = event.detail { paths[hash] = path }
        }
        var byReason: [DigestReason: [DigestItem]] = [:]
        for event in events where event.event == .routed && event.at > after && event.at <= upTo {
            guard let outcome = event.outcome, outcomes.contains(outcome) else { continue }
            let reason = DigestReason(detail: event.detail)
            var title: String?
            if let hash = event.sha256, let path = paths[hash] { title = subject(hash, path) }
            byReason[reason, default: []].append(DigestItem(
                at: event.at, from: event.from, subject: title,
                folder: event.folder ?? RoutingOutcome(rawValue: outcome)?.folder ?? outcome,
                reason: reason, detail: reason.showsDetail ? event.detail : nil))
        }
        return DigestReason.allCases.compactMap { reason in
            byReason[reason].map { DigestSection(reason: reason, items: $0.sorted { $0.at < $1.at }) }
        }
    }
}
