import Config
import Foundation
import Store
import Testing
@testable import Bot
@testable import Console

/// Console writes take the store's writing lock, the lock the mail loop holds while it handles
/// a message (DSHR's confirming reply among them): a console confirm waits until `run` lets go
/// between two messages, and never runs beside it.
@Suite struct ConsoleWritingLockTests {
    /// `run`'s side, as `BotService` does it: the single-instance lock holds the writing lock,
    /// and the loop yields it between two messages when someone asks.
    @Test func aConsoleConfirmWaitsForTheMailLoopToLetGoBetweenTwoMessages() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        let desk = try CycleDesk(environment: fixture.environment)
        guard case .previewed(let slot, _) = try DSHRCommandMail.previewPlan(fixture, desk: desk) else {
            Issue.record("the Plan was not previewed")
            return
        }
        let announcements = { try fixture.store.outbox.all().filter { $0.purpose.hasPrefix("announce:") }.count }
        let browser = TestBrowser(app: fixture.app)
        browser.signIn("dshr.console@kazguu.kz", mailer: fixture.mailer)
        let csrf = try #require(TestBrowser.csrf(in: browser.get("/plan")))

        let loop = try fixture.store.lock()   // `run` in the middle of a pass
        defer { loop.release() }
        let answered = DispatchSemaphore(value: 0)
        let status = Box()
        let click = ConsoleRequest(method: "POST", path: "/plan/\(slot)/announce", cookies: browser.cookies,
                                   form: ["csrf": csrf, "confirm": "yes"], client: browser.client)
        let app = fixture.app
        Thread.detachNewThread {
            status.value = app.handle(click).status
            answered.signal()
        }
        // The console asks `run` to let go (write.request) and waits; nothing is queued meanwhile.
        let request = fixture.store.root.appendingPathComponent("write.request").path
        var asked = false
        for _ in 0..<600 where !asked {
            asked = FileManager.default.fileExists(atPath: request)
            if !asked { usleep(50_000) }
        }
        #expect(asked, "the console asked the mail loop for the store")
        #expect(try announcements() == 0, "the console waits while the loop holds the store")
        // Between two messages the loop yields; the console confirms, then the loop goes on.
        loop.yieldToBackup()
        answered.wait()
        #expect(status.value == 200)
        #expect(try announcements() == 4)
        #expect(!FileManager.default.fileExists(atPath: request), "the request is gone once answered")
    }

    @Test func whenTheLoopDoesNotLetGoInTimeThePageSaysTryAgainAndChangesNothing() throws {
        var console = CPDBotConfiguration.Console()
        console.writeWaitSeconds = 1
        let fixture = try ConsoleFixture(console: console)
        defer { fixture.remove() }
        let desk = try CycleDesk(environment: fixture.environment)
        guard case .previewed(let slot, _) = try DSHRCommandMail.previewPlan(fixture, desk: desk) else {
            Issue.record("the Plan was not previewed")
            return
        }
        let browser = TestBrowser(app: fixture.app)
        browser.signIn("dshr.console@kazguu.kz", mailer: fixture.mailer)
        let csrf = try #require(TestBrowser.csrf(in: browser.get("/plan")))
        let busy: ConsoleResponse
        do {
            let loop = try fixture.store.lock()
            defer { loop.release() }
            busy = browser.post("/plan/\(slot)/announce", form: ["csrf": csrf, "confirm": "yes", "lang": "en"])
        }
        #expect(busy.status == 503)
        #expect(try fixture.store.outbox.all().filter { $0.purpose.hasPrefix("announce:") }.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: fixture.store.root.appendingPathComponent("write.request").path))
        // Once the loop waits for mail again, the same click goes through.
        #expect(browser.post("/plan/\(slot)/announce", form: ["csrf": csrf, "confirm": "yes"]).status == 200)
    }
}

private final class Box: @unchecked Sendable {
    var value = 0
}
