import Foundation
import Logging
import ServiceLifecycle
import Testing
@testable import Console

/// The console behind Hummingbird on a real socket (127.0.0.1, a free port), asked with curl.
@Suite struct ConsoleServerTests {
    final class Port: @unchecked Sendable {
        private var value: Int?
        private let lock = NSLock()
        func set(_ port: Int) { lock.withLock { value = port } }
        var port: Int? { lock.withLock { value } }
    }

    /// `curl` with the headers in the output; nil when curl is not installed.
    static func curl(_ arguments: [String]) throws -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        // Generous: with the whole suite running, the cooperative pool that serves the handlers is busy.
        process.arguments = ["-s", "-i", "--max-time", "60"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// `curl` run off Swift's cooperative threads: a blocking wait on one of them would keep
    /// the server's own handlers from running while another suite's server test waits too.
    static func curl(_ arguments: [String]) async throws -> String? {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try curl(arguments) as String? })
            }
        }
    }

    @Test func theServerAnswersOverHTTPWithItsHeadersAndCookies() async throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        let port = Port()
        var logger = Logger(label: "console-server-test")
        logger.logLevel = .critical
        let service = ConsoleService(app: fixture.app, host: "127.0.0.1", port: 0, logger: logger,
                                     onListening: { port.set($0) })
        let group = ServiceGroup(services: [service], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            defer { tasks.cancelAll() }
            for _ in 0..<200 where port.port == nil { try await Task.sleep(for: .milliseconds(50)) }
            let bound = try #require(port.port)
            let base = "http://127.0.0.1:\(bound)"
            guard let health = try await Self.curl([base + "/healthz"]) else { return }
            #expect(health.hasPrefix("HTTP/1.1 200"))
            #expect(health.contains("\"outboxDepth\":0"))
            let signIn = try #require(try await Self.curl([base + "/sign-in?lang=ru"]))
            #expect(signIn.lowercased().contains("content-security-policy: default-src 'none'"))
            #expect(signIn.lowercased().contains("set-cookie: cpdbot_browser="))
            #expect(signIn.contains("<html lang=\"ru\">"))
            // A POST without the browser's cookie and token is refused.
            let forged = try #require(try await Self.curl(["-d", "email=head.law@kazguu.kz&csrf=x", base + "/sign-in"]))
            #expect(forged.hasPrefix("HTTP/1.1 403"))
            #expect(fixture.mailer.sent.isEmpty)
            await group.triggerGracefulShutdown()
        }
    }
}
