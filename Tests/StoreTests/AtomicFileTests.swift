import Foundation
import Testing
@testable import Store

@Suite struct AtomicFileTests {
    @Test func writeReplacesContentAndLeavesNoTemporaryFiles() throws {
        let dir = try TemporaryDirectory()
        let target = dir.url.appendingPathComponent("state.json")
        try AtomicFile.write(Data("first".utf8), to: target)
        try AtomicFile.write(Data("second".utf8), to: target)
        #expect(try Data(contentsOf: target) == Data("second".utf8))
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
        #expect(names == ["state.json"])
    }

    @Test func personalDataFilesAre0600UnlessAskedOtherwise() throws {
        let dir = try TemporaryDirectory()
        let target = dir.url.appendingPathComponent("rows.json")
        try AtomicFile.write(Data("x".utf8), to: target)
        #expect(try TemporaryDirectory.mode(target.path) == 0o600)
        try AtomicFile.write(Data("x".utf8), to: target, mode: 0o644)
        #expect(try TemporaryDirectory.mode(target.path) == 0o644)
    }

    @Test func writeIntoAMissingDirectoryNamesThePathAndLeavesNothing() throws {
        let dir = try TemporaryDirectory()
        let target = dir.url.appendingPathComponent("nope/state.json")
        let error = try #require(throws: StoreError.self) { try AtomicFile.write(Data(), to: target) }
        #expect(error.description.contains(dir.url.appendingPathComponent("nope").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).isEmpty)
    }

    @Test func storeLayoutIsCreatedWithPrivateDirectories() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        for folder in ["", "messages", "outbox", "applications", "mailbox"] {
            let path = store.root.appendingPathComponent(folder).path
            #expect(try TemporaryDirectory.mode(path) == 0o700, "\(path)")
        }
        // A new store is of the current format, and says so in a private file.
        #expect(store.formatFound == 1)
        let format = store.root.appendingPathComponent(StoreFormat.fileName)
        #expect(try TemporaryDirectory.mode(format.path) == 0o600)
        #expect(try AtomicFile.readJSON(StoreFormat.self, from: format) == StoreFormat(format: StoreFormat.current))
        #expect(try FileStore(root: store.root).formatFound == StoreFormat.current)
    }

    @Test func planFilesAndTheLedgerAreWrittenPrivatelyInTheStoresLayout() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        try store.plans.save(["state": "previewed"], slot: "2026-2027", file: (name: "plan.csv", bytes: Data("a,b\n".utf8)))
        #expect(try store.plans.slots() == ["2026-2027"])
        #expect(try store.plans.metadata([String: String].self, slot: "2026-2027") == ["state": "previewed"])
        #expect(try store.plans.file(slot: "2026-2027", name: "plan.csv") == Data("a,b\n".utf8))
        #expect(try TemporaryDirectory.mode(store.root.appendingPathComponent("plans/2026-2027").path) == 0o700)
        #expect(try TemporaryDirectory.mode(store.root.appendingPathComponent("plans/2026-2027/plan.csv").path) == 0o600)
        // Slot and file names are the bot's own; one that would leave the folder is refused.
        #expect(throws: StoreError.self) { try store.plans.save(["x": "y"], slot: "../escape") }
        #expect(throws: StoreError.self) { try store.plans.file(slot: "2026-2027", name: "../../roster.csv") }

        try store.trainingLedger.save(["history": 1])
        #expect(try store.trainingLedger.load([String: Int].self) == ["history": 1])
        #expect(try TemporaryDirectory.mode(store.root.appendingPathComponent("training").path) == 0o700)
        #expect(try TemporaryDirectory.mode(store.trainingLedger.url.path) == 0o600)

        let marks = store.outbox.inFlight
        #expect(marks.markedAt("<a@b>") == nil)
        try marks.mark("<a@b>")
        #expect(marks.markedAt("<a@b>") != nil)
        #expect(try TemporaryDirectory.mode(marks.directory.path) == 0o700)
        marks.clear("<a@b>")
        #expect(marks.markedAt("<a@b>") == nil)
    }

    @Test func anExistingStoreDirectoryIsTightened() throws {
        let dir = try TemporaryDirectory()
        let root = dir.url.appendingPathComponent("store")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        _ = try FileStore(root: root)
        #expect(try TemporaryDirectory.mode(root.path) == 0o700)
    }

    @Test func damagedJSONIsReportedWithItsPath() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let url = store.mailbox.url("INBOX")
        try AtomicFile.write(Data("{not json".utf8), to: url)
        let error = try #require(throws: StoreError.self) { try store.mailbox.load() }
        #expect(error.description.contains(url.path))
        #expect(error.description.contains("restore it from a backup"))
    }
}
