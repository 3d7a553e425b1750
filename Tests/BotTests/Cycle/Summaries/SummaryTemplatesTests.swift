import Config
import Foundation
@testable import Intake
import Regulation
import Staff
import Store
import Testing
@testable import Bot

/// DSHR's reports render in kk, ru and en from the contexts the code builds: no leftover tags,
/// one-line subjects, escaped HTML, Kazakh in its own letters, every reason worded on its own.
@Suite struct SummaryTemplatesTests {
    static let library = TemplateLibrary(directory: MailSandbox.repository.appendingPathComponent("templates"))
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    static func item(_ reason: DigestReason, _ n: Int) -> DigestItem {
        DigestItem(at: t0.addingTimeInterval(Double(n) * 60), from: n == 0 ? nil : "<evil>\(n)@x.kz",
                   subject: n == 1 ? nil : "<b>Subj</b> \(n)", folder: "Rejected", reason: reason,
                   detail: journalDetail(reason, n))
    }

    /// What `MessageHandler` journals for a failure or refusal: a kind, then English for IT.
    static func journalDetail(_ reason: DigestReason, _ n: Int) -> String? {
        switch reason {
        case .processingFailed:
            let kinds = FailureKind.allCases
            return FailureKind.journalDetail(CycleError.rules("<script>x</script>")).replacingOccurrences(
                of: "(rules)", with: "(\(kinds[n % kinds.count].rawValue))")
        case .unreadable:
            let kinds = MessageRefusal.Kind.allCases
            return "unreadable message (\(kinds[n % kinds.count].rawValue)): <script>x</script>"
        default: return nil
        }
    }

    static var summary: [String: Any] {
        let sections = DigestReason.allCases.enumerated().map { index, reason in
            DigestSection(reason: reason, items: (0...index % 3).map { item(reason, $0) })
        }
        return SummaryContexts.values(sections: sections, day: CivilDate(text: "2026-09-15")!, after: t0, upTo: t0.addingTimeInterval(86_400), listed: 20, timeZone: CPDBotConfiguration.defaultTimeZone)
    }

    static var contexts: [(String, String, [String: Any])] {
        let person = RosterPerson(email: "a@kazguu.kz", fullName: "Ә. <Test>", category: .pps, unit: "<Law>", role: .staff,
                                  leadership: true, language: .kk)
        let roster = Roster(people: [person])
        let asOf = CivilDate(text: "2026-09-01")!
        // Leadership PPS with no history: behind on both §6.3.1 and §6.3.2.
        let findings = ComplianceChecker().check(roster: StaffRoster(roster), history: [], asOf: asOf)
        let plan = DeadlineAlertTests.plan(.announced)
        var out: [(String, String, [String: Any])] = [
            ("dshr_daily_summary", "every reason", summary),
            ("compliance_report", "findings", ComplianceContexts.values(findings: findings, roster: roster, asOf: asOf,
                                                                          policy: .init(), listed: 1)),
            ("compliance_report", "none", ComplianceContexts.values(findings: [], roster: roster, asOf: asOf, policy: .init(), listed: 10)),
            ("deadline_alert", "failed", DeadlineAlertContexts.values(
                plan: plan, counts: DeadlineAlertTests.counts(sent: 3, pending: 2, failed: 2),
                failed: [("<x>@kazguu.kz", "550 <no>"), ("y@kazguu.kz", "550")], today: plan.deadline, listed: 1)),
            ("deadline_alert", "not queued", DeadlineAlertContexts.values(
                plan: DeadlineAlertTests.plan(.confirmed), counts: .init(), failed: [], today: CivilDate(text: "2026-07-10")!,
                listed: 5)),
        ]
        out[0].2["unused"] = true
        return out
    }

    @Test(arguments: RosterPerson.Language.allCases)
    func everyReportRendersCompletely(language: RosterPerson.Language) throws {
        for (name, variant, context) in Self.contexts {
            let reply = try Self.library.render(name, language: language, context: context)
            RenderedReplyChecks.expectComplete(reply, language: language, label: "\(language) \(name) (\(variant))",
                                               unescaped: ["<Test>", "<evil>", "<script>", "<b>Subj", "<x>@"])
        }
    }

    /// Each reason has a heading of its own in each language, and every listed message appears.
    @Test(arguments: RosterPerson.Language.allCases)
    func everyReasonIsWorded(language: RosterPerson.Language) throws {
        let text = try Self.library.render("dshr_daily_summary", language: language, context: Self.summary).text
        let headings = text.split(separator: "\n").filter { $0.hasSuffix("):") }
        #expect(headings.count == DigestReason.allCases.count, "\(headings)")
        #expect(Set(headings.map { $0.split(separator: "(").first ?? "" }).count == headings.count, "each worded differently")
        let listed = text.split(separator: "\n").filter { $0.hasPrefix("  - ") }
        #expect(listed.count == 20, "the limit of listed messages")
        #expect(!text.contains("<script>x</script>"), "the error's own words stay in the journal")
        let strings = try Self.library.strings(language)
        #expect(text.contains(try #require(strings.reason("failure.document"))), "the kind of a failure, worded")
        #expect(text.contains(try #require(strings.reason("refusal.too_large"))), "the kind of a refusal, worded")
    }

    /// The listed limit holds across sections; counts stay complete.
    @Test(arguments: [(0, 0), (1, 1), (5, 5), (6, 6), (100, 6)])
    func listedLimit(listed: Int, shown: Int) throws {
        let sections = [DigestSection(reason: .spoofed, items: (0..<2).map { Self.item(.spoofed, $0) }),
                        DigestSection(reason: .autoReply, items: (0..<4).map { Self.item(.autoReply, $0) })]
        let values = SummaryContexts.values(sections: sections, day: CivilDate(text: "2026-09-15")!, after: Self.t0, upTo: Self.t0, listed: listed, timeZone: CPDBotConfiguration.defaultTimeZone)
        let rendered = try #require(values["sections"] as? [[String: Any]])
        let counts = rendered.map { ($0["items"] as? [[String: Any]])?.count ?? -1 }
        #expect(counts.reduce(0, +) == shown)
        #expect(rendered.map { $0["count"] as? Int } == [2, 4])
        #expect(values["total"] as? Int == 6)
        #expect(rendered.map { $0["more"] as? Int ?? -1 } == zip([2, 4], counts).map { $0 - $1 })
    }
}
