import Foundation
import Config
import Intake
import Regulation
import Store
import Testing
@testable import Bot

/// DESIGN.md "Messages in": refused, reported and ignored mail reaches DSHR in the daily summary –
/// once a day, in DSHR's language, only what is new since the last summary, nothing on a quiet day.
@Suite struct DailySummaryTests {
    static let day = "2026-09-15"

    @Test func onceADayOnlyWhatIsNewAndNothingOnAQuietDay() throws {
        let f = try ReportsFixture(now: ReportsFixture.morning(Self.day))
        try f.route(from: "stranger@mail.ru", subject: "Өтінім – Заң мектебі", outcome: .rejected, detail: "refused: unknownSender")
        try f.route(from: "rector@kazguu.kz", subject: "Срочно: оплата", outcome: .reported,
                    detail: "reported to DSHR: spoofed(claimedFrom: Optional(\"rector@kazguu.kz\"))")
        try f.route(from: "head.desk@kazguu.kz", subject: "Заявка", outcome: .processed, detail: "application of Law from head.desk@kazguu.kz")
        f.clock.advance(hours: 1)

        let first = f.desk.reportToDSHR(today: CivilDate(text: Self.day)!)
        #expect(first.queued == ["daily_summary": 1] && first.failures.isEmpty)
        let entry = try #require(try f.entries("summary:").first)
        #expect(entry.purpose == "summary:2026-09-15")
        #expect(entry.recipients == [CycleDeskTests.dshr])
        #expect(entry.subject?.contains("Сводка почты за 15\u{00A0}сентября 2026\u{00A0}г.") == true, "Russian, the bot's language: \(entry.subject ?? "")")
        let text = try f.text(of: entry).text
        for expected in ["stranger@mail.ru", "«Өтінім – Заң мектебі»", "rector@kazguu.kz", "«Срочно: оплата»", "→ Rejected", "→ Reported",
                         "Поддельный отправитель"] {
            #expect(text.contains(expected), "\(expected) in:\n\(text)")
        }
        #expect(!text.contains("«Заявка»"), "processed mail is not listed")
        // The forged message is listed before the stranger's.
        #expect(text.range(of: "rector@kazguu.kz")!.lowerBound < text.range(of: "stranger@mail.ru")!.lowerBound)

        // Again the same day (the service restarted, or `cpdbot remind`): nothing new.
        let again = f.desk.reportToDSHR(today: CivilDate(text: Self.day)!)
        #expect(again.queued.isEmpty && again.alreadyQueued == 1)

        // A quiet day: no message at all.
        f.clock.advance(hours: 24)
        #expect(f.desk.reportToDSHR(today: CivilDate(text: "2026-09-16")!).queued.isEmpty)
        #expect(try f.entries("summary:").count == 1)

        // The next day with news lists only the news, though the quiet day sent nothing.
        try f.route(from: "ooo@kazguu.kz", subject: "Автоответ: в отпуске", outcome: .ignored, detail: "auto-generated: not answered")
        f.clock.advance(hours: 24)
        let third = f.desk.reportToDSHR(today: CivilDate(text: "2026-09-17")!)
        #expect(third.queued == ["daily_summary": 1])
        let next = try #require(try f.entries("summary:2026-09-17").first)
        let nextText = try f.text(of: next).text
        #expect(nextText.contains("ooo@kazguu.kz") && nextText.contains("Автоответ: в отпуске"))
        #expect(!nextText.contains("stranger@mail.ru") && !nextText.contains("rector@kazguu.kz"))
    }

    @Test(arguments: [(CPDBotLanguage.kk, "пошта шолуы"), (.en, "Daily mail summary"), (.ru, "Сводка почты")])
    func inTheBotsLanguage(language: CPDBotLanguage, subject: String) throws {
        let f = try ReportsFixture(now: ReportsFixture.morning(Self.day), language: language)
        try f.route(from: "stranger@mail.ru", subject: "hello", outcome: .rejected, detail: "refused: unknownSender")
        f.clock.advance(hours: 1)
        _ = f.desk.reportToDSHR(today: CivilDate(text: Self.day)!)
        let entry = try #require(try f.entries("summary:").first)
        #expect(entry.subject?.contains(subject) == true, "\(entry.subject ?? "")")
    }

    /// `cpdbot run`: the reports go with the day's reminders, once a day however often it polls.
    @Test func theServiceSendsTheReportsWithTheReminders() throws {
        let f = try ReportsFixture(now: ReportsFixture.morning("2026-09-01"))
        try f.route(from: "stranger@mail.ru", subject: "hello", outcome: .rejected, detail: "refused: unknownSender")
        f.clock.advance(hours: 1)
        var daily = DailyReminders(environment: f.environment)
        daily.runIfDue()
        daily.runIfDue()
        let purposes = try f.store.outbox.all().map(\.purpose).sorted()
        #expect(purposes == ["compliance:2026-09", "summary:2026-09-01"], "\(purposes)")
    }

    @Test func withoutDSHRAddressesNothingIsQueued() throws {
        let f = try ReportsFixture(now: ReportsFixture.morning(Self.day), dshr: [])
        try f.route(from: "stranger@mail.ru", subject: "hello", outcome: .rejected, detail: "refused: unknownSender")
        f.clock.advance(hours: 1)
        let run = f.desk.reportToDSHR(today: CivilDate(text: Self.day)!)
        #expect(run.queued.isEmpty && run.failures.isEmpty)
        #expect(try f.store.outbox.all().isEmpty)
    }

    /// The first summary ever looks back a week, not to the beginning of the journal.
    @Test func theFirstSummaryLooksBackAWeek() throws {
        let f = try ReportsFixture(now: ReportsFixture.morning("2026-09-01"))
        try f.route(from: "old@mail.ru", subject: "old", outcome: .rejected, detail: "refused: unknownSender")
        f.clock.advance(hours: 24 * 8)
        try f.route(from: "new@mail.ru", subject: "new", outcome: .rejected, detail: "refused: unknownSender")
        f.clock.advance(hours: 1)
        _ = f.desk.reportToDSHR(today: CivilDate(text: "2026-09-09")!)
        let text = try f.text(of: try #require(try f.entries("summary:").first)).text
        #expect(text.contains("new@mail.ru") && !text.contains("old@mail.ru"))
    }
}

typealias CPDBotLanguage = Config.CPDBotConfiguration.Language
