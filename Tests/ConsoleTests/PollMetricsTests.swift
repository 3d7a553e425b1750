import Foundation
import Testing
@testable import Console

/// `/metrics` carries each poll's duration (a histogram, by result) beside the age of the last
/// successful poll; `/healthz` stays as it was.
@Suite struct PollMetricsTests {
    @Test func pollDurationsAppearAsAHistogram() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        fixture.app.metrics.recordPoll(duration: .milliseconds(1_500), succeeded: true)
        fixture.app.metrics.recordPoll(duration: .seconds(45), succeeded: true)
        fixture.app.metrics.recordPoll(duration: .seconds(3), succeeded: false)
        let text = fixture.app.handle(ConsoleRequest(method: "GET", path: "/metrics")).bodyText
        #expect(text.contains("# TYPE cpdbot_poll_duration_seconds histogram"))
        #expect(text.range(of: #"cpdbot_poll_duration_seconds_count\{result="ok"\} 2"#, options: .regularExpression) != nil, "\(text)")
        #expect(text.range(of: #"cpdbot_poll_duration_seconds_bucket\{result="ok",le="2\.0"\} 1"#, options: .regularExpression) != nil)
        #expect(text.range(of: #"cpdbot_poll_duration_seconds_count\{result="failed"\} 1"#, options: .regularExpression) != nil)
        #expect(text.contains("cpdbot_last_poll_age_seconds -1"), "no successful poll yet")
        let health = fixture.app.handle(ConsoleRequest(method: "GET", path: "/healthz")).bodyText
        #expect(!health.contains("poll_duration"))
    }
}
