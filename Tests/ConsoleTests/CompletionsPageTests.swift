import Documents
import Foundation
import Regulation
import Staff
import Store
import Testing
@testable import Bot
@testable import Console

/// DSHR's completions page after a `[COMPLETIONS]` mail: the certificate with its PDF, the §8
/// obligation it starts, the §7.14 reimbursement of a failure; a head gets 404, a person only
/// their own PDF.
@Suite struct CompletionsPageTests {
    @Test func certificatesObligationsAndReimbursementsAsTheCompletionsMailLeftThem() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        let desk = try CycleDesk(environment: fixture.environment)
        _ = try DSHRCommandMail.previewPlan(fixture, desk: desk)
        _ = try desk.confirmAndAnnounce(slot: "2026-2027", cycle: "2026-2027", by: "dshr.console@kazguu.kz")
        try DSHRCommandMail.reportCompletions(fixture, desk: desk)

        let facts = try desk.completionFacts()
        let obligation = try #require(facts.obligations.first)
        #expect(facts.obligations.count == 1)
        #expect(obligation.email == "staff.law@kazguu.kz" && obligation.costKZT == 60_000)
        #expect(obligation.start == CivilDate(text: "2026-09-30"))
        let expected = try WorkOffCalculator(policy: desk.rules.policy.workOff)
            .obligation(costKZT: 60_000, start: obligation.start)
        #expect(obligation.end == expected.end && obligation.months == expected.months)
        #expect(facts.reimbursements == [.init(email: "head.econ@kazguu.kz", courseID: "C-01",
                                               courseTitle: "Research methods", amountKZT: 60_000)])
        let certificate = try #require(try fixture.store.certificates.all().first)

        let strings = fixture.app.templates.strings(.en)
        let roster = try fixture.store.roster.load()
        let page = CompletionsPage(certificates: [certificate], facts: facts, roster: roster,
                                   today: CivilDate(text: "2026-10-01")!, strings: strings)
        #expect(page.certificates.map(\.number) == [certificate.number])
        #expect(page.obligations.map(\.fullName) == ["Омаров Дәурен"])
        #expect(page.reimbursementTotal == strings.number(60_000))
        // An obligation that has ended is no longer shown.
        let later = CompletionsPage(certificates: [], facts: facts, roster: roster,
                                    today: obligation.end.adding(days: 1), strings: strings)
        #expect(!later.hasObligations && later.hasReimbursements)

        let dshr = TestBrowser(app: fixture.app)
        dshr.signIn("dshr.console@kazguu.kz", mailer: fixture.mailer)
        let html = dshr.get("/completions", query: ["lang": "en"])
        #expect(html.status == 200)
        #expect(html.bodyText.contains(certificate.number))
        #expect(html.bodyText.contains("data-figure=\"obligation-end\">\(strings.date(obligation.end))<"))
        #expect(html.bodyText.contains("data-figure=\"reimburse-total\">\(strings.number(60_000))<"))
        let href = CompletionsPage.pdfHref(number: certificate.number)
        #expect(html.bodyText.contains("href=\"\(href)\""))
        let pdf = dshr.get(href)
        #expect(pdf.status == 200 && pdf.contentType == "application/pdf")
        #expect(pdf.body.starts(with: Data("%PDF".utf8)))
        #expect(pdf.header("Content-Disposition") == ["attachment; filename=\"certificate_\(CertificateFileName.safe(certificate.number)).pdf\"; filename*=UTF-8''certificate_\(CertificateFileName.safe(certificate.number)).pdf"])

        // The person downloads their own certificate; a head neither sees the page nor another's PDF.
        let staff = TestBrowser(app: fixture.app, client: "10.0.0.8")
        staff.signIn("staff.law@kazguu.kz", mailer: fixture.mailer)
        #expect(staff.get("/me").bodyText.contains("href=\"\(href)\""))
        #expect(staff.get(href).status == 200)
        #expect(staff.get("/completions").status == 404)
        let head = TestBrowser(app: fixture.app, client: "10.0.0.9")
        head.signIn("head.econ@kazguu.kz", mailer: fixture.mailer)
        #expect(head.get("/completions").status == 404)
        #expect(head.get("/completions.xlsx").status == 404)
        #expect(head.get(href).status == 404)

        // The certificates as a workbook, titled in the reader's language, hours as numbers.
        #expect(dshr.get("/completions", query: ["lang": "kk"]).bodyText.contains("href=\"/completions.xlsx\""))
        let workbook = dshr.get("/completions.xlsx")
        #expect(workbook.status == 200 && workbook.contentType.hasPrefix("application/vnd.openxmlformats"))
        let rows = try ComplianceWorkbookTests.rows(workbook)
        #expect(rows.first == ["№", "Қызметкер", "Электрондық пошта", "Курс", "Сағат", "Берілген күні"])
        #expect(rows.dropFirst().first?.first == certificate.number)
        #expect(rows.dropFirst().first?[4] == "\(CellValue.number(Double(certificate.hours)))")
        #expect(dshr.get("/certificates/CPD-1900-99999.pdf").status == 404)
    }

    @Test func aDownloadNameCannotBreakTheHeader() {
        // "\r\n" is one Character in Swift, so one "_".
        let header = PageContext.attachment(named: "a\"b\r\nX: y;ä.csv")
        #expect(header.hasPrefix("attachment; filename=\"a_b_X__y__.csv\"; filename*=UTF-8''"))
        #expect(!header.contains("\r") && !header.contains("\n") && header.filter { $0 == "\"" }.count == 2)
    }
}
