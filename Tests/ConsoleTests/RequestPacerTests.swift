import Foundation
import Logging
import ServiceLifecycle
import Testing
@testable import Console

/// The console's pace of requests (`console.max_requests_per_second`), on an injected clock.
@Suite struct RequestPacerTests {
    @Test func requestsOverThePaceWaitTheirTurnThenAreRefused() {
        // 100 a second: a turn every 10 ms; a request may wait 25 ms.
        let pacer = RequestPacer(perSecond: 100, maximumWaitMilliseconds: 25)
        #expect(pacer.admit(now: 10) == .go)
        #expect(Self.seconds(pacer.admit(now: 10)) == 0.01)
        #expect(Self.seconds(pacer.admit(now: 10)) == 0.02)
        // The next turn would be 30 ms away: longer than the wait allowed, and it takes no turn.
        #expect(pacer.admit(now: 10) == .refuse)
        #expect(pacer.admit(now: 10.004) == .refuse)
        // Once the queue has drained, a request goes at once again.
        #expect(pacer.admit(now: 10.5) == .go)
    }

    @Test func aPersonBrowsingNeverMeetsThePace() {
        let pacer = RequestPacer(perSecond: 400, maximumWaitMilliseconds: 2_000)
        // A page and its stylesheet every two seconds for a minute.
        for second in stride(from: 0.0, to: 60, by: 2) {
            #expect(pacer.admit(now: second) == .go)
            #expect(Self.seconds(pacer.admit(now: second + 0.003)) == nil)
        }
    }

    @Test func noPaceWhenTheLimitIsZero() {
        let pacer = RequestPacer(perSecond: 0, maximumWaitMilliseconds: 0)
        for _ in 0..<1_000 { #expect(pacer.admit(now: 1) == .go) }
    }

    /// Over a real socket: with one request an hour and no wait, the second request is answered
    /// "busy" (503, Retry-After) in the reader's language, with the security headers.
    @Test func theServerAnswersBusyBeyondTheWait() async throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        // A pace no delay of a loaded machine between the two requests can dodge.
        let app = ConsoleApp(environment: fixture.environment,
                             templates: try ConsoleTemplates(directory: repositoryRoot.appendingPathComponent("templates/console")),
                             mailer: fixture.mailer, pacer: RequestPacer(interval: 3_600, maximumWait: 0))
        let port = ConsoleServerTests.Port()
        var logger = Logger(label: "console-pace-test")
        logger.logLevel = .critical
        let service = ConsoleService(app: app, host: "127.0.0.1", port: 0, logger: logger,
                                     onListening: { port.set($0) })
        let group = ServiceGroup(services: [service], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            defer { tasks.cancelAll() }
            for _ in 0..<200 where port.port == nil { try await Task.sleep(for: .milliseconds(50)) }
            let base = "http://127.0.0.1:\(try #require(port.port))"
            // curl asks twice over one connection, one right after the other.
            guard let both = try await ConsoleServerTests.curl([base + "/sign-in?lang=ru", base + "/sign-in?lang=ru"]) else { return }
            #expect(both.hasPrefix("HTTP/1.1 200"))
            #expect(both.contains("HTTP/1.1 503"))
            #expect(both.lowercased().contains("retry-after: 2"))
            #expect(both.contains("Консоль сейчас получает слишком много запросов"))
            #expect(both.lowercased().components(separatedBy: "content-security-policy:").count == 3)
            await group.triggerGracefulShutdown()
        }
    }

    static func seconds(_ decision: RequestPacer.Decision) -> Double? {
        guard case let .wait(seconds) = decision else { return nil }
        return (seconds * 1_000).rounded() / 1_000
    }
}
