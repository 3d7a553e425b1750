import Regulation

/// Template values of `deadline_alert`.
enum DeadlineAlertContexts {
    static func values(plan: StoredPlan, counts: PlanStatus.Counts, failed: [(address: String, reason: String)],
                       today: CivilDate, listed: Int) -> [String: Any] {
        let shown = failed.prefix(max(0, listed))
        return [
            "cycle": plan.cycle, "slot": plan.slot, "file_name": ReplyContext.visible(plan.fileName),
            "approval_date": plan.approvalDate, "deadline": plan.deadline,
            "is_deadline_today": plan.deadline == today, "not_queued": plan.state == .confirmed,
            "sent": counts.sent, "pending": counts.pending, "failed_count": counts.failed,
            "has_pending": counts.pending > 0, "has_failed": counts.failed > 0,
            "failed": shown.map { ["address": $0.address, "reason": String($0.reason.prefix(200))] },
            "has_more_failed": failed.count > shown.count, "more_failed": failed.count - shown.count,
        ]
    }
}
