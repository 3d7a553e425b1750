import Curl
import Foundation
import Testing
@testable import Mail

extension MailIntegrationTests {
    /// The measurement behind docs/imap-design.md: libcurl URL fetches (`;UID=n`, one per
    /// message) against the CONNECT_ONLY client (`UID FETCH set BODY.PEEK[]` in batches).
    /// Run with CPDBOT_BENCH=1; prints messages per second.
    @Suite(.enabled(if: ProcessInfo.processInfo.environment["CPDBOT_BENCH"] == "1", "set CPDBOT_BENCH=1 to measure"))
    struct FetchDesignBenchmark {
        static let user = "staff1990@kazguu.kz"
        static let count = 1_000
        static let size = 40 * 1024

        @Test func urlFetchesAgainstConnectOnlyBatches() throws {
            let sandbox = try Sandbox.open()
            try sandbox.reset(Self.user)
            let seeding = ContinuousClock.now
            do {
                let client = try sandbox.imap(Self.user)
                for index in 1...Self.count {
                    try client.append(TestMessage.make(id: "bench-\(index)@cpdbot.test", bodyBytes: Self.size), to: "INBOX")
                }
                client.logout()
            }
            report("seed by APPEND (one connection)", Self.count, since: seeding)

            for _ in 0..<2 {
                try clearSeen(sandbox)
                var started = ContinuousClock.now
                let urlBytes = try fetchWithURLs(sandbox)
                report("libcurl URL ;UID=n, one handle (sets \\Seen)", Self.count, since: started, bytes: urlBytes)

                started = ContinuousClock.now
                let seenBytes = try fetchWithURLs(sandbox)
                report("libcurl URL ;UID=n, already \\Seen", Self.count, since: started, bytes: seenBytes)

                for batch in [1, 200, 1_000] {
                    try clearSeen(sandbox)
                    started = ContinuousClock.now
                    let bytes = try fetchWithClient(sandbox, batch: batch)
                    report("CONNECT_ONLY UID FETCH BODY.PEEK[], batch \(batch)", Self.count, since: started, bytes: bytes)
                    #expect(bytes == urlBytes)
                }
            }
        }

        private func clearSeen(_ sandbox: Sandbox) throws {
            let client = try sandbox.imap(Self.user)
            defer { client.logout() }
            try client.select("INBOX")
            try client.store(uids: try client.searchUIDs("ALL"), flags: ["\\Seen"], .remove)
        }

        private func fetchWithClient(_ sandbox: Sandbox, batch: Int) throws -> Int {
            let client = try sandbox.imap(Self.user, limits: IMAPLimits(fetchBatchSize: batch))
            defer { client.logout() }
            try client.select("INBOX")
            var bytes = 0
            var messages = 0
            try client.fetch(uids: try client.searchUIDs("ALL")) { message in
                bytes += message.body?.count ?? 0
                messages += 1
            }
            #expect(messages == Self.count)
            return bytes
        }

        private func fetchWithURLs(_ sandbox: Sandbox) throws -> Int {
            let uids: [UInt32]
            do {
                let client = try sandbox.imap(Self.user)
                try client.select("INBOX")
                uids = try client.searchUIDs("ALL")
                client.logout()
            }
            let handle = try EasyHandle()
            try handle.apply(sandbox.settings(user: Self.user))
            var body = Data()
            var bytes = 0
            handle.onWrite = { body.append(contentsOf: $0) }
            for uid in uids {
                body.removeAll(keepingCapacity: true)
                try handle.set(.url, "\(Sandbox.imapsURL)INBOX;UID=\(uid)")
                try handle.perform(step: "fetch UID \(uid)")
                bytes += body.count
            }
            return bytes
        }

        private func report(_ what: String, _ count: Int, since start: ContinuousClock.Instant, bytes: Int = 0) {
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print(String(format: "BENCH %-52@ %5d msgs %7.3f s %7.0f msg/s %6.1f MB", what as NSString, count, seconds,
                         Double(count) / seconds, Double(bytes) / 1e6))
        }
    }
}
