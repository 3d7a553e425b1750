import Foundation
import Regulation
import Staff
import Store
import Testing
@testable import Bot

/// Issue 12: a store written by the code before the store owned every file and had a format
/// version (commit 99929fc; `Tests/Fixtures/store-v1/README.md` says how it was made) opens,
/// is migrated to the current format, and reads the same data: what `export` and `status` show,
/// the Plan and its file, the certificates and the training ledger, the in-flight marks.
@Suite struct StoreV1FixtureTests {
    static let fixture = MailSandbox.repository.appendingPathComponent("Tests/Fixtures/store-v1")

    /// What the v1 store holds, as the old code read it (`expected.json` beside the store).
    struct Expected: Codable, Equatable {
        var outcomes: [String: Int]
        var outbox: [String: Int]
        var inFlight: [String]
        var lastUID: UInt32?
        var cycles: [String]
        var exports: [String]
        var plans: [String]
        var planCourses: [Int]
        var certificates: [String]
        var ledgerCertificates: Int
        var ledgerHistory: Int
        var rosterPeople: Int
    }

    /// A private copy of the fixture's store (a test must not migrate the fixture itself).
    static func copy() throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("store-v1-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("store"), to: target)
        return target
    }

    @Test func theOldStoreOpensMigratesAndReadsTheSame() throws {
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: Self.fixture.appendingPathComponent("expected.json")))
        let root = try Self.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(StoreFormat.fileName).path))

        let store = try FileStore(root: root)
        #expect(store.formatFound == 1)
        let formatFile = root.appendingPathComponent(StoreFormat.fileName)
        let format = try JSONDecoder().decode(StoreFormat.self, from: Data(contentsOf: formatFile))
        #expect(format.format == StoreFormat.current)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: formatFile.path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        for folder in ["plans", "training", "outbox/inflight"] {
            let mode = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(folder).path)[.posixPermissions] as? Int
            #expect(mode == 0o700, "\(folder)")
        }

        var outbox: [String: Int] = [:]
        for entry in try store.outbox.all() { outbox[entry.state.name, default: 0] += 1 }
        let plans = PlanStore(store: store)
        let ledger = try TrainingLedger.load(from: store)
        let cycles = try store.applications.cycles()
        let found = Expected(
            outcomes: try store.journal.summary().outcomes, outbox: outbox,
            inFlight: try store.outbox.all().filter { store.outbox.inFlight.markedAt($0.messageID) != nil }.map(\.messageID).sorted(),
            lastUID: try store.mailbox.load().lastUID, cycles: cycles,
            exports: try cycles.map { String(decoding: try store.applications.exportCSV(cycle: $0), as: UTF8.self) },
            plans: try plans.all().map { "\($0.slot) \($0.state.rawValue) \($0.sha256)" },
            planCourses: try plans.all().map { try plans.reading(of: $0).plan.courses.count },
            certificates: try store.certificates.all().map(\.number),
            ledgerCertificates: ledger.certificates.entries.count, ledgerHistory: ledger.history.count,
            rosterPeople: try store.roster.load().people.count)
        #expect(found == expected)
        // The fixture is not trivial: every kind of file the store owns is in it.
        #expect(!expected.exports.isEmpty && !expected.plans.isEmpty && !expected.certificates.isEmpty)
        #expect(!expected.inFlight.isEmpty && expected.lastUID == 3 && expected.ledgerHistory > 0)
        // (The marks' times are not compared: git keeps no modification times.)

        // Opened again, the store is already current; what it reads has not changed.
        let again = try FileStore(root: root)
        #expect(again.formatFound == StoreFormat.current)
        #expect(try PlanStore(store: again).all() == plans.all())
    }

    @Test func aStoreOfANewerCpdbotIsRefused() throws {
        let root = try Self.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(#"{"format": 99}"#.utf8).write(to: root.appendingPathComponent(StoreFormat.fileName))
        let error = try #require(throws: StoreError.self) { try FileStore(root: root) }
        #expect(error == .newerFormat(path: root.standardizedFileURL.appendingPathComponent(StoreFormat.fileName).path,
                                      found: 99, supported: StoreFormat.current))
        #expect(error.description.contains("newer cpdbot"))
    }
}
