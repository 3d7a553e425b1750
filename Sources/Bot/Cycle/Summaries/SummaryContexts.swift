import Foundation
import Intake
import Regulation

/// Template values of `dshr_daily_summary`: one section per reason (flag `is_<reason>`, so each
/// language words its heading), each message with its time, sender, subject and folder.
enum SummaryContexts {
    static func values(sections: [DigestSection], day: CivilDate, after: Date, upTo: Date, listed: Int, timeZone: TimeZone) -> [String: Any] {
        var room = max(0, listed)
        let total = sections.reduce(0) { $0 + $1.items.count }
        let shown: [[String: Any]] = sections.map { section in
            let items = Array(section.items.prefix(room))
            room -= items.count
            return [
                "reason": section.reason.rawValue, "is_\(section.reason.rawValue)": true, "count": section.items.count,
                "items": items.map { item($0, timeZone: timeZone) }, "has_more": items.count < section.items.count,
                "more": section.items.count - items.count,
            ]
        }
        func count(_ outcome: RoutingOutcome) -> Int {
            sections.reduce(0) { $0 + $1.items.filter { $0.folder == outcome.folder }.count }
        }
        return [
            "day": day, "from_time": MailTimestamp(after, in: timeZone), "to_time": MailTimestamp(upTo, in: timeZone),
            "total": total, "sections": shown, "rejected_count": count(.rejected),
            "reported_count": count(.reported), "ignored_count": count(.ignored),
            "has_spoofed": sections.contains { $0.reason == .spoofed },
        ]
    }

    static func item(_ item: DigestItem, timeZone: TimeZone) -> [String: Any] {
        var values: [String: Any] = ["time": MailTimestamp(item.at, in: timeZone), "folder": item.folder]
        values["from"] = item.from.map { ReplyContext.visible($0) } ?? ""
        values["has_from"] = !(item.from ?? "").isEmpty
        values["subject"] = item.subject.map { ReplyContext.visible(String($0.prefix(200))) } ?? ""
        values["has_subject"] = !(item.subject ?? "").isEmpty
        // The kind of failure in DSHR's words; the error's own (English) text stays in the journal.
        let reason = item.detail.flatMap { FailureKind.reasonKey(journalDetail: $0) }
        values["detail"] = reason.map(WordedReason.init) ?? ""
        values["has_detail"] = reason != nil
        return values
    }
}
