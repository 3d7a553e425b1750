import Foundation
@testable import Intake
import Logging
import MIME
import Regulation
import Staff
import Store
import Testing
import Wording
@testable import Bot

/// samples/cycle: each DSHR message through the bot's desks, against expected.json – the
/// approval date, the §7.7 deadline, the figures and problems of the preview, and for the
/// completion lists exactly one notice per row of the right kind.
@Suite struct SampleCycleTests {
    static let directory = MailSandbox.repository.appendingPathComponent("Tests/Fixtures/samples/cycle")

    struct Expected: Decodable {
        struct PlanCase: Decodable {
            var file: String, email: String, cycle: String, from: String
            var approval_date: String, deadline: String
            var courses: Int, participants: Int, assignments: Int
            var problems: [Problem]
        }
        struct Problem: Decodable, Hashable { var course_id: String, participant_email: String?, kind: String }
        struct CompletionsCase: Decodable {
            var email: String, plan: String, from: String
            var rows: [Row]
        }
        struct Row: Decodable {
            var course_id: String, participant_email: String, outcome: String
            var obligation_end: String?, reimburse_kzt: Int?
        }
        var plans: [PlanCase]
        var completions: [CompletionsCase]
    }

    static func expected() throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Data(contentsOf: directory.appendingPathComponent("expected.json")))
    }

    static func desk() throws -> (CycleDesk, FileStore, Roster) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cycle-samples-\(UUID().uuidString)")
        let store = try FileStore(root: url)
        try store.roster.replace(with: Data(contentsOf: directory.deletingLastPathComponent().appendingPathComponent("roster.csv")))
        let environment = BotEnvironment(configuration: MailSandboxConfiguration.plain(store: url), store: store,
                                         templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"),
                                         logger: Logger(label: "cycle-samples"))
        return (try CycleDesk(environment: environment), store, try store.roster.load())
    }

    static func reading(_ email: String) throws -> MessageReading {
        let raw = try Data(contentsOf: directory.appendingPathComponent(email))
        return try MessageReading.readAsDated(raw)
    }

    @Test(arguments: try expected().plans.map(\.email))
    func planPreviewMatchesTheOracle(_ email: String) throws {
        let expected = try #require(try Self.expected().plans.first { $0.email == email })
        let (desk, _, roster) = try Self.desk()
        let sender = try #require(roster.person(address: expected.from))
        let result = try desk.plan.receive(from: sender, reading: Self.reading(email), hash: "h", roster: roster)
        #expect(result == .previewed(slot: expected.cycle, problems: expected.problems.count))
        let stored = try #require(try desk.plans.plans(cycle: expected.cycle).first)
        #expect(stored.approvalDate.iso == expected.approval_date)
        #expect(stored.deadline.iso == expected.deadline)
        let plan = try desk.plans.reading(of: stored).plan
        #expect(plan.courses.count == expected.courses)
        #expect(plan.participants.count == expected.participants)
        #expect(plan.assignments.count == expected.assignments)
        let problems = PlanChecker(durations: desk.rules.policy.durations).check(plan, roster: StaffRoster(roster))
        #expect(problems.map { Expected.Problem(course_id: $0.courseID, participant_email: $0.participantEmail, kind: $0.kind.rawValue) }
            .sorted { "\($0)" < "\($1)" } == expected.problems.sorted { "\($0)" < "\($1)" })
    }

    @Test(arguments: try expected().completions.map(\.email))
    func completionNoticesMatchTheOracle(_ email: String) throws {
        let all = try Self.expected()
        let expected = try #require(all.completions.first { $0.email == email })
        let planCase = try #require(all.plans.first { $0.file == expected.plan })
        let (desk, store, roster) = try Self.desk()
        let planSender = try #require(roster.person(address: planCase.from))
        _ = try desk.plan.receive(from: planSender, reading: Self.reading(planCase.email), hash: "p", roster: roster)
        let sender = try #require(roster.person(address: expected.from))
        let summary = try #require(try desk.completions.receive(from: sender, reading: Self.reading(email), hash: "c", roster: roster))
        #expect(summary.issues.isEmpty)
        let kinds = ["certificate": "certificate", "expulsion_reimburse": "expulsion", "readmission": "readmission"]
        let wanted = Set(expected.rows.map { "\(kinds[$0.outcome] ?? "?"):\($0.course_id):\($0.participant_email)" })
        let queued = Set(try store.outbox.all().map(\.purpose).filter { !$0.hasPrefix("reply-command:") && !$0.hasPrefix("plan-preview:") })
        #expect(queued == wanted)
        #expect(summary.certificatesNew == expected.rows.filter { $0.outcome == "certificate" }.count)
        // The §8 end date and the §7.14 amount are in the notice each person gets.
        for row in expected.rows {
            let purpose = "\(kinds[row.outcome] ?? "?"):\(row.course_id):\(row.participant_email)"
            let id = desk.mail.messageID(purpose: purpose)
            let raw = String(decoding: try store.outbox.raw(messageID: id), as: UTF8.self)
            let text = try MessageParser().parse(Array(raw.utf8)).readableText()
            // Written in the reader's language; a Kazakh case ending only follows the nominative.
            let language = roster.person(address: row.participant_email)?.language.wording ?? .kk
            if let end = row.obligation_end, let date = CivilDate(text: end) {
                #expect(text.contains(LongDate.text(year: date.year, month: date.month, day: date.day, language: language)),
                        "\(purpose): §8 end \(end)")
            }
            if let amount = row.reimburse_kzt, amount > 0 {
                #expect(text.contains(Numbers.tenge(amount, language: language)), "\(purpose): §7.14 amount \(amount)")
            }
        }
    }
}
