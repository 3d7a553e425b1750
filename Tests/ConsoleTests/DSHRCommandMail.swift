import Foundation
@testable import Intake
import Staff
import Store
@testable import Bot

/// DSHR's commands (`[PLAN]`, `[COMPLETIONS]`) with a CSV attached, as a mail client writes
/// them, read and handed to the desk the message handler uses.
enum DSHRCommandMail {
    struct MissingDSHR: Error {}

    static func raw(tag: String, from: String, id: String, body: String, fileName: String, csv: String) -> [UInt8] {
        let attachment = Data(csv.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let text = """
            From: DSHR <\(from)>
            To: <hr-intake@kazguu.kz>
            Subject: \(tag)
            Date: Thu, 28 May 2026 10:00:00 +0500
            Message-ID: <\(id)>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="command-boundary"

            --command-boundary
            Content-Type: text/plain; charset=utf-8

            \(body)
            --command-boundary
            Content-Type: text/csv; charset=utf-8; name="\(fileName)"
            Content-Disposition: attachment; filename="\(fileName)"
            Content-Transfer-Encoding: base64

            \(attachment)
            --command-boundary--

            """
        return Array(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    /// A Plan in which staff.law and head.econ take a paid course (60,000 KZT, 36 hours).
    static let plan = """
        course_id,title,competency_group,audience,kind,location,term,hours,start_date,end_date,language,delivery,cost_kzt,participant_email\r
        C-01,Research methods,professional_knowledge_and_research,PPS,qualification,domestic,medium,36,2026-09-01,2026-09-30,en,online,60000,staff.law@kazguu.kz\r
        C-01,Research methods,professional_knowledge_and_research,PPS,qualification,domestic,medium,36,2026-09-01,2026-09-30,en,online,60000,head.econ@kazguu.kz\r

        """

    /// DSHR's `[PLAN]` previewed as the handler previews it.
    static func previewPlan(_ fixture: ConsoleFixture, desk: CycleDesk) throws -> PlanDesk.Result {
        let roster = try fixture.store.roster.load()
        guard let dshr = roster.person(address: "dshr.console@kazguu.kz") else { throw MissingDSHR() }
        let reading = try MessageReading.read(raw(tag: "[PLAN]", from: dshr.email, id: "plan-1@kazguu.kz",
                                                  body: "Approved: 2026-07-03", fileName: "plan.csv", csv: plan),
                                              receivedAt: fixture.clock.now, limits: .init())
        return try desk.plan.receive(from: dshr, reading: reading, hash: "plan-1", roster: roster)
    }

    /// DSHR's `[COMPLETIONS]`: staff.law completed C-01, head.econ failed it.
    static func reportCompletions(_ fixture: ConsoleFixture, desk: CycleDesk) throws {
        let roster = try fixture.store.roster.load()
        guard let dshr = roster.person(address: "dshr.console@kazguu.kz") else { throw MissingDSHR() }
        let list = """
            course_id,participant_email,status,completion_date\r
            C-01,staff.law@kazguu.kz,completed,2026-09-30\r
            C-01,head.econ@kazguu.kz,failed,2026-09-15\r

            """
        let reading = try MessageReading.read(raw(tag: "[COMPLETIONS]", from: dshr.email, id: "completions-1@kazguu.kz",
                                                  body: "", fileName: "results.csv", csv: list),
                                              receivedAt: fixture.clock.now, limits: .init())
        _ = try desk.completions.receive(from: dshr, reading: reading, hash: "completions-1", roster: roster)
    }
}
