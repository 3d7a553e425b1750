import Config
import Foundation
@testable import Intake
import Logging
import Staff
import Store
import Testing
@testable import Bot

/// Not a timed test: with CPDBOT_MEASURE_CERTIFICATES=N it runs a `[COMPLETIONS]` list of N
/// completed participants (staff0001… of the sandbox's users, one course each of 20) through
/// the desk – N certificates drawn, registered and queued with their PDFs – and prints the time,
/// the PDF sizes and the outbox's size, so that `/usr/bin/time -v swift test …` (or
/// `swift test -c release`) reports wall time and peak RSS. Without the variable it does not run.
@Suite struct CertificateMeasurement {
    static let count = ProcessInfo.processInfo.environment["CPDBOT_MEASURE_CERTIFICATES"].flatMap(Int.init)

    @Test(.enabled(if: count != nil)) func issueManyCertificates() throws {
        let count = try #require(Self.count)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cert-measure-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let store = try FileStore(root: url)
        let emails = (1...count).map { String(format: "staff%04d@kazguu.kz", $0) }
        let names = ["Әсел Нұрланқызы", "Қанат Өмірбеков", "Ұлжан Үсенова", "Ілияс Ғабдуллин", "Анна Ли"]
        var roster = "email,full_name,category,unit,role,leadership,lang\n\(CycleDeskTests.dshr),Айгерим Сатпаева,ABP,HR,dshr,no,ru\n"
        for (index, email) in emails.enumerated() {
            roster += "\(email),\(names[index % names.count]) \(index),PPS,Law,staff,no,\(["kk", "ru", "en"][index % 3])\n"
        }
        try store.roster.replace(with: Data(roster.utf8))
        var plan = "course_id,title,competency_group,audience,kind,location,term,hours,start_date,end_date,language,delivery,cost_kzt,participant_email\r\n"
        var completions = "course_id,participant_email,status,completion_date\r\n"
        for (index, email) in emails.enumerated() {
            let course = "M-\(index % 20)"
            plan += "\(course),Құқықтық зерттеу әдістері \(index % 20),professional_knowledge_and_research,PPS,qualification,domestic,medium,72,2026-09-01,2026-09-30,kk,blended,0,\(email)\r\n"
            completions += "\(course),\(email),completed,2026-09-30\r\n"
        }
        var configuration = MailSandboxConfiguration.plain(store: url)
        configuration.bot.dshr = [CycleDeskTests.dshr]
        let environment = BotEnvironment(configuration: configuration, store: store,
                                         templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"),
                                         logger: Logger(label: "cert-measure"))
        let desk = try CycleDesk(environment: environment)
        let people = try store.roster.load()
        let dshr = try #require(people.person(address: CycleDeskTests.dshr))
        let read = { (raw: Data) in try MessageReading.read([UInt8](raw), receivedAt: Date(), limits: .init()) }
        _ = try desk.plan.receive(from: dshr, reading: read(DSHRMail.command(
            tag: "[PLAN]", from: CycleDeskTests.dshr, to: "bot@kazguu.kz", id: "m1@x", body: "Approved: 2026-07-03",
            fileName: "plan.csv", csv: plan)), hash: "m1", roster: people)
        let message = DSHRMail.command(tag: "[COMPLETIONS]", from: CycleDeskTests.dshr, to: "bot@kazguu.kz", id: "m2@x",
                                       body: "", fileName: "results.csv", csv: completions)
        let clock = ContinuousClock()
        var summary: CompletionsDesk.Summary?
        let duration = try clock.measure {
            summary = try desk.completions.receive(from: dshr, reading: read(message), hash: "m2", roster: people)
        }
        let queued = try store.outbox.all().filter { $0.purpose.hasPrefix("certificate:") }
        let sizes = try queued.map { try store.outbox.raw(messageID: $0.messageID).count }
        print("MEASURE: \(count) certificates drawn, registered and queued in \(duration); "
            + "messages \(sizes.min() ?? 0)…\(sizes.max() ?? 0) bytes (PDF base64 inside), new \(summary?.certificatesNew ?? 0)")
        #expect(queued.count == count)
    }
}
