import Bot
import Metrics
import Foundation
import Prometheus

/// `/metrics`: the bot's figures in Prometheus's text format, through swift-metrics with
/// swift-prometheus as its factory. The factory is the console's own (no global bootstrap), so
/// two consoles in one process (tests) do not share counters.
public final class ConsoleMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let factory: PrometheusMetricsFactory

    /// Metrics with a registry of their own.
    public init() {
        factory = PrometheusMetricsFactory(registry: registry)
    }

    /// Every console request, by status class (`2xx`, `3xx`, `4xx`, `5xx`).
    func count(request: ConsoleRequest, status: Int) {
        Counter(label: "cpdbot_console_requests_total", dimensions: [("status", "\(status / 100)xx")], factory: factory)
            .increment()
    }

    /// Sets the gauges from `cpdbot status`'s figures and writes the whole registry.
    func exposition(report: StatusReport, now: Date) -> String {
        for outcome in ["processed", "rejected", "ignored", "reported"] {
            Gauge(label: "cpdbot_messages", dimensions: [("outcome", outcome)], factory: factory)
                .record(report.outcomes[outcome] ?? 0)
        }
        for state in ["queued", "sent", "failed"] {
            Gauge(label: "cpdbot_outbox_messages", dimensions: [("state", state)], factory: factory)
                .record(report.outbox[state] ?? 0)
        }
        // Without a poll yet the age is -1, which an alert rule can tell from a fresh poll.
        Gauge(label: "cpdbot_last_poll_age_seconds", factory: factory)
            .record(report.lastPoll.map { now.timeIntervalSince($0) } ?? -1)
        Gauge(label: "cpdbot_login_failing", factory: factory).record(report.loginFailingSince == nil ? 0 : 1)
        return registry.emitToString()
    }
}
