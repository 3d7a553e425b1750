import Bot
import Foundation
import Store

extension PageContext {
    /// The Plan page's failed sends: per Plan, the announcements the server refused for good
    /// with its reasons, and – with `retrying` – the step that confirms a Retry.
    func failedSends(desk: CycleDesk, lines: [OverviewPage.PlanLine], retrying: String?) throws -> [String: Any] {
        var plans: [FailedSendsPage] = []
        for line in lines where line.failed > 0 {
            let page = FailedSendsPage(slot: line.slot, file: line.file,
                                       failed: try desk.failedAnnouncements(slot: line.slot), strings: strings)
            plans.append(page)
        }
        let retryingPlan = lines.first { $0.slot == retrying && $0.failed > 0 }
        return [
            "failed_plans": plans, "has_failed_plans": !plans.isEmpty,
            "retrying": retryingPlan.map { ["slot": $0.slot, "file": $0.file, "failed": strings.number($0.failed)] } ?? [:],
            "is_retrying": retryingPlan != nil,
        ]
    }

    /// The second click of "Retry": confirms the Plan again through the same path as DSHR's
    /// confirming reply, which queues each announcement that failed for good once more (and
    /// what people new to the roster have not had); a second click finds nothing failed.
    func resend(slot: String, request: ConsoleRequest) throws -> ConsoleResponse {
        let (cycle, summary): (String, AnnouncementSummary)
        switch try confirmPlan(slot: slot, request: request) {
        case .refused(let response): return response
        case .confirmed(let confirmedCycle, let confirmedSummary): (cycle, summary) = (confirmedCycle, confirmedSummary)
        }
        app.auth.journal("retried the failed announcements of Plan \(slot) of \(cycle): \(summary.retried) queued again, "
                         + "\(summary.queued - summary.retried) queued for the first time",
                         email: viewer.email, client: request.client, now: app.environment.now())
        let notice = strings["plan_retried_notice"]
            .replacingOccurrences(of: "{retried}", with: strings.number(summary.retried))
            .replacingOccurrences(of: "{new}", with: strings.number(summary.queued - summary.retried))
        return try plans(notice: notice)
    }
}
