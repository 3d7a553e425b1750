import Foundation
import Testing
@testable import Store
import Staff

@Suite struct PersonDataTests {
    static let person = "a.seitkali@kazguu.kz"

    static func row(_ email: String, unit: String, no: Int, submittedBy: String) -> StoredApplicationRow {
        StoredApplicationRow(no: no, school: nil, fullName: "Name \(no)", trainingDirection: nil, programme: "Course \(no)",
                             lastCourse: nil, lastCourseDate: nil, lastCourseHours: nil, phone: "+77010000000",
                             email: email, unit: unit, submittedBy: submittedBy, messageID: "m\(no)@kazguu.kz",
                             receivedAt: Date(timeIntervalSince1970: 1_780_000_000), sourceFile: "a.xlsx",
                             cycle: "2026-2027", late: false)
    }

    /// A store where the person is in the roster, applied, was answered, sent a message, is
    /// named in the journal, holds a certificate, and submitted another person's row.
    static func store(_ dir: TemporaryDirectory) throws -> FileStore {
        let store = try dir.store()
        _ = try store.roster.replace(with: Data(contentsOf: TemporaryDirectory.fixtures.appendingPathComponent("roster.csv")))
        try store.applications.replace(unit: "Unit A", cycle: "2026-2027", rows: [
            row(person, unit: "Unit A", no: 1, submittedBy: person), row("b.other@kazguu.kz", unit: "Unit A", no: 2, submittedBy: person),
        ])
        let raw = Data("From: A. Seitkali <A.Seitkali@kazguu.kz>\r\nTo: hr-intake@kazguu.kz\r\nSubject: application\r\nMessage-ID: <m1@kazguu.kz>\r\n\r\nhello\r\n".utf8)
        _ = try store.archive.store(raw: raw, messageID: "m1@kazguu.kz", receivedAt: Date(timeIntervalSince1970: 1_780_000_000))
        let other = Data("From: b.other@kazguu.kz\r\nSubject: x\r\n\r\nnothing about anyone\r\n".utf8)
        _ = try store.archive.store(raw: other, messageID: "m2@kazguu.kz", receivedAt: Date(timeIntervalSince1970: 1_780_000_000))
        try store.outbox.enqueue(messageID: "receipt-m1@kazguu.kz", purpose: "receipt for m1", recipients: [person],
                                 subject: "receipt", raw: Data("To: \(person)\r\n\r\nthanks\r\n".utf8))
        try store.journal.append(JournalEvent(event: .routed, messageID: "m1@kazguu.kz", outcome: "processed", from: person))
        try store.journal.append(JournalEvent(event: .sent, messageID: "receipt-m1@kazguu.kz", detail: "to \(person)"))
        try FileManager.default.createDirectory(at: store.root.appendingPathComponent("training"), withIntermediateDirectories: true)
        try AtomicFile.write(Data("{\"certificates\":[{\"email\":\"\(person)\",\"number\":\"KZ-1\"}]}".utf8),
                             to: store.root.appendingPathComponent("training/ledger.json"))
        return store
    }

    @Test func showFindsEveryPlace() throws {
        let dir = try TemporaryDirectory()
        let data = try PersonData(store: try Self.store(dir), email: "A.Seitkali@KAZGUU.kz")
        let areas = Set(data.findings.map(\.area))
        #expect(areas == [.roster, .applications, .journal, .messages, .outbox, .training])
        #expect(data.findings.filter { $0.area == .applications && $0.path == "applications/2026-2027" }.count == 2)
        let message = try #require(data.findings.first { $0.area == .messages })
        #expect(message.summary.contains("<m1@kazguu.kz>") && message.summary.contains("application"))
    }

    @Test func eraseLeavesTheAddressOnlyInWhatItKept() throws {
        let dir = try TemporaryDirectory()
        let store = try Self.store(dir)
        let report = try PersonEraser(store: store).erase(email: Self.person, by: "test")
        #expect(report.remaining.isEmpty)
        #expect(report.kept.map(\.path) == ["training/ledger.json"])
        // Grep the whole store, as an auditor would.
        for path in try PersonData.files(in: store.root) {
            let text = String(decoding: try Data(contentsOf: store.root.appendingPathComponent(path)), as: UTF8.self).lowercased()
            #expect(!text.contains(Self.person) || path == "training/ledger.json", "\(path) still names the person")
        }
        #expect(try store.roster.load().person(address: Self.person) == nil)
        let rows = try store.applications.all(cycle: "2026-2027")
        #expect(rows.map(\.email) == ["b.other@kazguu.kz"])
        #expect(rows.first?.submittedBy == report.pseudonym)
        // The other person's message stays; the outbox entry to the erased person is gone.
        #expect(try store.archive.message(withMessageID: "m2@kazguu.kz") != nil)
        #expect(try store.outbox.all().isEmpty)
        let events = try store.journal.events().events
        #expect(events.last?.event == "person_erased")
        #expect(events.first?.from == report.pseudonym)
    }

    @Test func anAddressThatIsNotOneIsRefused() throws {
        let dir = try TemporaryDirectory()
        #expect(throws: StoreError.self) { _ = try PersonData(store: try dir.store(), email: "not an address") }
    }
}
