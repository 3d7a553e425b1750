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
        var factory = PrometheusMetricsFactory(registry: registry)
        // A poll reads the mailbox and sends what is due: from a second to many minutes while a
        // Plan is announced at the provider's pace.
        factory.durationHistogramBuckets[Self.pollDuration] = [
            .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5), .seconds(10), .seconds(30),
            .seconds(60), .seconds(120), .seconds(300), .seconds(600), .seconds(1_800),
        ]
        self.factory = factory
    }

    static let pollDuration = "cpdbot_poll_duration_seconds"

    /// One poll of the mail loop (`cpdbot run`): its duration, by result (`ok`, `failed`).
    public func recordPoll(duration: Duration, succeeded: Bool) {
        Metrics.Timer(label: Self.pollDuration, dimensions: [("result", succeeded ? "ok" : "failed")], factory: factory)
            .recordNanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
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
        // The last poll that succeeded (a failed one leaves it): without one yet the age is -1,
        // which an alert rule can tell from a fresh poll.
        Gauge(label: "cpdbot_last_poll_age_seconds", factory: factory)
            .record(report.lastPoll.map { now.timeIntervalSince($0) } ?? -1)
        Gauge(label: "cpdbot_login_failing", factory: factory).record(report.loginFailingSince == nil ? 0 : 1)
        // Signed-in pages made rather than reused (`PageCache`): how often a change of the store
        // made a page again – one per page and change when requests share the rebuild.
        Gauge(label: "cpdbot_console_page_builds", factory: factory).record(PageCache.shared.builds)
        return registry.emitToString()
    }
}
