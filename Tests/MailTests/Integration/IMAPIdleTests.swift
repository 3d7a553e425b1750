import Foundation
import Testing
@testable import Mail

extension MailIntegrationTests {
    @Suite struct IMAPIdleTests {
        @Test func idleReturnsWhenMailArrives() throws {
            let sandbox = try Sandbox.open()
            let user = "staff1940@kazguu.kz"
            try sandbox.reset(user)
            let client = try sandbox.imap(user)
            defer { client.logout() }
            #expect(client.capabilities.contains("IDLE"))
            try client.select("INBOX")
            let settings = sandbox.settings(user: user)
            let deliverer = Thread {
                Thread.sleep(forTimeInterval: 0.3)
                if let other = try? IMAPClient(settings: settings) {
                    _ = try? other.append(TestMessage.make(id: "idle@cpdbot.test"), to: "INBOX")
                    other.logout()
                }
            }
            deliverer.start()
            let started = ContinuousClock.now
            let newMail = try client.idle(timeout: .seconds(15))
            #expect(newMail)
            #expect(ContinuousClock.now - started < .seconds(10))
            // The session is usable after DONE, and sees the new message.
            #expect(try client.searchUIDs(header: "Message-ID", value: "<idle@cpdbot.test>").count == 1)
        }

        @Test func idleTimesOutQuietlyAndCanBeWoken() throws {
            let sandbox = try Sandbox.open()
            let user = "staff1941@kazguu.kz"
            try sandbox.reset(user)
            let client = try sandbox.imap(user)
            defer { client.logout() }
            try client.select("INBOX")
            var started = ContinuousClock.now
            #expect(try client.idle(timeout: .milliseconds(800)) == false)
            #expect(ContinuousClock.now - started >= .milliseconds(700))

            let waker = try IdleWaker()
            let wakerThread = Thread { Thread.sleep(forTimeInterval: 0.3); waker.wake() }
            wakerThread.start()
            started = ContinuousClock.now
            #expect(try client.idle(timeout: .seconds(20), waker: waker) == false)
            #expect(ContinuousClock.now - started < .seconds(5))
            try client.noop()
        }
    }
}
