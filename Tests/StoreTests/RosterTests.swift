import Foundation
import Staff
import Testing
@testable import Store

@Suite struct RosterTests {
    static let header = "email,full_name,category,unit,role,leadership,lang\n"

    @Test func sampleRosterLoadsAndLooksUp() throws {
        let data = try Data(contentsOf: TemporaryDirectory.fixtures.appendingPathComponent("roster.csv"))
        let roster = try RosterCSV.parse(data, path: "roster.csv")
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
        #expect(roster.people.count == lines.count - 1)
        let head = try #require(roster.person(address: " <A.Seitkali@KAZGUU.kz> "))
        #expect(head.role == .head)
        #expect(head.language == .kk)
        #expect(roster.heads(of: head.unit).map(\.email) == ["a.seitkali@kazguu.kz"])
        #expect(roster.dshr.count == 3)
        #expect(roster.units.contains("Кітапхана"))
        #expect(roster.person(named: "Омаров Дәурен")?.email == "d.omarov@kazguu.kz")
        #expect(roster.person(named: "Дәурен Омаров Маратұлы")?.email == "d.omarov@kazguu.kz")
        // Several Омаровs: a surname alone names no one.
        #expect(roster.person(named: "Омаров") == nil)
        #expect(roster.person(address: "nobody@kazguu.kz") == nil)
    }

    @Test(arguments: [
        ("a@kazguu.kz,A,PPS,U,head,yes,kk\na@KAZGUU.kz,B,PPS,U,staff,no,kk\n", RosterIssue(row: 3, column: "email", problem: "a@kazguu.kz already appears in row 2", kind: .duplicate, value: "2")),
        ("a@kazguu.kz,A,PPS,U,boss,yes,kk\n", RosterIssue(row: 2, column: "role", problem: "\"boss\" is not staff, head or dshr", kind: .invalidRole, value: "boss")),
        ("a@kazguu.kz,A,XYZ,U,head,yes,kk\n", RosterIssue(row: 2, column: "category", problem: "\"XYZ\" is not PPS or ABP", kind: .invalidCategory, value: "XYZ")),
        ("a@kazguu.kz,A,PPS,U,head,maybe,kk\n", RosterIssue(row: 2, column: "leadership", problem: "\"maybe\" is not yes or no", kind: .invalidLeadership, value: "maybe")),
        ("a@kazguu.kz,A,PPS,U,head,yes,de\n", RosterIssue(row: 2, column: "lang", problem: "\"de\" is not kk, ru or en", kind: .invalidLanguage, value: "de")),
        ("not-an-address,A,PPS,U,head,yes,kk\n", RosterIssue(row: 2, column: "email", problem: "not-an-address is not an e-mail address", kind: .invalidAddress, value: "not-an-address")),
        (",A,PPS,U,head,yes,kk\n", RosterIssue(row: 2, column: "email", problem: "missing", kind: .missing)),
        ("a@kazguu.kz,,PPS,U,head,yes,kk\n", RosterIssue(row: 2, column: "full_name", problem: "missing", kind: .missing)),
        ("a@kazguu.kz,A,PPS,,head,yes,kk\n", RosterIssue(row: 2, column: "unit", problem: "missing", kind: .missing)),
    ])
    func invalidRowsNameRowAndColumn(body: String, issue: RosterIssue) throws {
        let error = try #require(throws: StoreError.self) {
            try RosterCSV.parse(Data((Self.header + body).utf8), path: "new.csv")
        }
        guard case let .rosterInvalid(path, issues) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(path == "new.csv")
        #expect(issues == [issue])
        #expect(error.description.contains("row \(issue.row), column \(issue.column)"))
    }

    /// The store's one CSV error: a quote never closed names the file and the record's line.
    @Test func unterminatedQuoteNamesTheLine() throws {
        let text = Self.header + "a@kazguu.kz,A,PPS,U,staff,no,ru\n\"open,x\n"
        let error = try #require(throws: StoreError.self) { try RosterCSV.parse(Data(text.utf8), path: "t.csv") }
        #expect(error == .malformedCSV(path: "t.csv", line: 3, detail: "a quoted field is never closed"))
    }

    @Test func missingHeaderColumnsAreAllNamed() throws {
        let error = try #require(throws: StoreError.self) {
            try RosterCSV.parse(Data("email,full_name,unit\na@b.kz,A,U\n".utf8), path: "r.csv")
        }
        guard case let .rosterInvalid(path, issues) = error else {
            Issue.record("expected rosterInvalid, got \(error)")
            return
        }
        #expect(path == "r.csv")
        #expect(issues.map(\.column) == ["category", "role", "leadership", "lang"])
    }

    @Test func quotedFieldsColumnOrderAndBOMAreAccepted() throws {
        let text = "\u{FEFF}lang,role,email,full_name,unit,category,leadership\r\nru,head,X@Y.kz,\"Иванов, Иван \"\"Ваня\"\"\",\"Unit, big\",abp,YES\r\n"
        let roster = try RosterCSV.parse(Data(text.utf8), path: "r.csv")
        let person = try #require(roster.person(address: "x@y.kz"))
        #expect(person.fullName == "Иванов, Иван \"Ваня\"")
        #expect(person.unit == "Unit, big")
        #expect(person.category == .abp)
        #expect(person.leadership)
    }

    /// A roster sent in DSHR's own words is read by meaning and stored in roster.csv's own form.
    @Test func russianAndKazakhHeadersAreStoredCanonically() throws {
        let text = "Электронная почта,ФИО,Санат,Подразделение,Рөл,Руководство,Язык\na@k.kz,Омаров Дәурен,ППС,Кітапхана,басшы,да,русский\nb@k.kz,Сейтқали Әлібек,ӘБП,Кітапхана,сотрудник,жоқ,қазақша\n"
        let dir = try TemporaryDirectory()
        let file = try dir.store().roster
        try file.replace(with: Data(text.utf8))
        let stored = try String(contentsOf: file.url, encoding: .utf8)
        #expect(stored.split(whereSeparator: \.isNewline) == [
            "email,full_name,category,unit,role,leadership,lang",
            "a@k.kz,Омаров Дәурен,PPS,Кітапхана,head,yes,ru",
            "b@k.kz,Сейтқали Әлібек,ABP,Кітапхана,staff,no,kk",
        ])
    }

    @Test func replaceWritesAtomicallyAndReportsTheDiff() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.store().roster
        let first = try file.replace(with: Data((Self.header + "a@k.kz,A,PPS,U,head,yes,kk\nb@k.kz,B,PPS,U,staff,no,ru\n").utf8))
        #expect(first.added.count == 2)
        let diff = try file.replace(with: Data((Self.header + "a@k.kz,A,PPS,U,staff,yes,kk\nc@k.kz,C,ABP,V,staff,no,en\n").utf8))
        #expect(diff.added.map(\.email) == ["c@k.kz"])
        #expect(diff.removed.map(\.email) == ["b@k.kz"])
        #expect(diff.changed.map(\.after.role) == [.staff])
        #expect(try file.load().people.map(\.email) == ["a@k.kz", "c@k.kz"])
        #expect(try TemporaryDirectory.mode(file.url.path) == 0o600)
    }

    @Test func anInvalidReplacementLeavesTheRosterAsItWas() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.store().roster
        try file.replace(with: Data((Self.header + "a@k.kz,A,PPS,U,head,yes,kk\n").utf8))
        #expect(throws: StoreError.self) {
            try file.replace(with: Data((Self.header + "a@k.kz,A,PPS,U,chief,yes,kk\n").utf8))
        }
        #expect(try file.load().person(address: "a@k.kz")?.role == .head)
    }

    @Test func missingRosterSaysHowToInstallOne() throws {
        let dir = try TemporaryDirectory()
        let error = try #require(throws: StoreError.self) { try dir.store().roster.load() }
        #expect(error.description.contains("[ROSTER]"))
    }

    /// The optional greeting columns: read when present, written back only when someone has them.
    @Test func givenNameAndPatronymicAreOptionalColumns() throws {
        let text = "email,full_name,category,unit,role,leadership,lang,given_name,patronymic\n"
            + "a@kazguu.kz,Сейтқали Әлібек Қайратұлы,PPS,U,head,yes,kk,Әлібек,Қайратұлы\n"
            + "b@kazguu.kz,Anna Smith,ABP,U,staff,no,en,,\n"
        let roster = try RosterCSV.parse(Data(text.utf8), path: "r.csv")
        #expect(roster.people[0].givenName == "Әлібек" && roster.people[0].patronymic == "Қайратұлы")
        #expect(roster.people[1].givenName == nil && roster.people[1].patronymic == nil)
        #expect(try RosterCSV.parse(RosterCSV.render(roster), path: "again.csv") == roster)
        let plain = try RosterCSV.parse(Data((Self.header + "c@kazguu.kz,C,PPS,U,staff,no,ru\n").utf8), path: "p.csv")
        let rendered = String(decoding: RosterCSV.render(plain), as: UTF8.self)
        #expect(rendered.hasPrefix("email,full_name,category,unit,role,leadership,lang") && !rendered.contains("given_name"),
                "no new columns when unused")
    }
}
