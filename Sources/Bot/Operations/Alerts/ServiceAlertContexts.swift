import Foundation
import Regulation

/// Template values of `service_alert`: one flag per kind (`is_disk_space`, `is_failed_outbox`,
/// `is_calendar`, `is_plan_pace`, `is_plan_unconfirmed`) and the figures of that kind.
enum ServiceAlertContexts {
    /// `conditions`: one condition, or the failed messages of one look (`ServiceAlertDesk.mails`).
    static func values(_ conditions: [ServiceCondition], listed: Int, timeZone: TimeZone) -> [String: Any] {
        guard let first = conditions.first else { return [:] }
        var values: [String: Any] = [:]
        for kind in ServiceCondition.Kind.allCases { values["is_\(kind.rawValue)"] = kind == first.kind }
        // Commands are named as the administrator types them, whatever the reader's language.
        values["status_command"] = "cpdbot status"
        switch first {
        case let .diskSpace(path, free, total):
            values["store_path"] = path
            values["free"] = ByteCount(Int(clamping: free))
            values["free_percent"] = total > 0 ? Int((Double(free) / Double(total) * 100).rounded(.down)) : 0
            values["minimum_percent"] = Int(ServiceAlerts.minimumFreeFraction * 100)
            values["store_key"] = "store.path"
        case .failedMessage:
            let messages: [ServiceCondition.FailedMessage] = conditions.compactMap {
                if case .failedMessage(let message) = $0 { message } else { nil }
            }
            let shown = messages.prefix(max(0, listed))
            values["messages"] = shown.map { message -> [String: Any] in
                [
                    "to": message.recipients.joined(separator: ", "), "subject": message.subject ?? "",
                    "has_subject": !(message.subject ?? "").isEmpty, "queued_at": MailTimestamp(message.queuedAt, in: timeZone),
                    "permanent": message.permanent,
                ]
            }
            // The server's own answers are for the administrator's line only: DSHR reads
            // "refused for good" or "still retried" in their words beside each message.
            values["server_replies"] = shown.map { message in
                message.recipients.joined(separator: ", ") + ": " + String(message.reason.prefix(200))
            }.joined(separator: "; ")
            values["count"] = messages.count
            values["has_more"] = messages.count > shown.count
            values["more"] = messages.count - shown.count
            values["has_permanent"] = messages.contains(where: \.permanent)
            values["has_retried"] = messages.contains { !$0.permanent }
            values["outbox_command"] = "cpdbot outbox --state failed"
        case let .calendarYearMissing(year, file):
            // A year is a name here, not a count: "2028", never "2 028".
            values["year"] = String(year)
            values["calendar_file"] = file
            if let start = CivilDate(year: year, month: 1, day: 1) { values["year_start"] = start }
        case let .planPace(plan, finish):
            values.merge(planValues(plan)) { $1 }
            values["finish"] = MailTimestamp(finish, in: timeZone)
        case .planUnconfirmed(let plan):
            values.merge(planValues(plan)) { $1 }
        }
        return values
    }

    private static func planValues(_ plan: ServiceCondition.PlanSituation) -> [String: Any] {
        [
            "cycle": plan.cycle, "file_name": ReplyContext.visible(plan.fileName), "deadline": plan.deadline,
            "remaining": plan.remaining, "working_days_left": plan.workingDaysLeft,
            "has_preview": plan.previewMessageID != nil, "is_confirmed": plan.isConfirmed,
            "pace_keys": "smtp.max_messages_per_minute, smtp.max_recipients_per_day",
        ]
    }
}
