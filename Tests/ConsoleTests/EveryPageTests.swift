import Foundation
import Testing
@testable import Console

/// Every signed-in page of DSHR renders in each language with no key left untranslated.
@Suite struct EveryPageTests {
    @Test func everyPageInEveryLanguageHasAllItsWords() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.remove() }
        try fixture.apply(unit: "Құқық жоғары мектебі", names: [("Омаров Дәурен", "staff.law@kazguu.kz")])
        let dshr = TestBrowser(app: fixture.app)
        dshr.signIn("dshr.console@kazguu.kz", mailer: fixture.mailer)
        for path in ["/", "/units", "/units/" + UnitID.of("Құқық жоғары мектебі"), "/plan", "/completions", "/compliance",
                     "/messages", "/me"] {
            for language in ["kk", "ru", "en"] {
                let page = dshr.get(path, query: ["lang": language])
                #expect(page.status == 200, "\(path) in \(language)")
                // A key without a text shows as itself (completions_…, messages_…).
                let missing = page.bodyText.range(of: #">[a-z]+_[a-z_]+<"#, options: .regularExpression)
                #expect(missing == nil, "\(path) in \(language): \(missing.map { String(page.bodyText[$0]) } ?? "")")
            }
        }
    }
}
