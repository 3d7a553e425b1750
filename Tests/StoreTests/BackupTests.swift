import Foundation
import Testing
@testable import Store

@Suite struct BackupTests {
    /// A store with a journal, an outbox entry and a message, as a pass leaves it.
    static func filledStore(_ dir: TemporaryDirectory) throws -> FileStore {
        let store = try dir.store()
        try store.journal.append(JournalEvent(at: Date(timeIntervalSince1970: 1_800_000_000), event: .error, detail: "a line"))
        _ = try store.roster.replace(with: Data(contentsOf: TemporaryDirectory.fixtures.appendingPathComponent("roster.csv")))
        try AtomicFile.write(Data("state".utf8), to: store.root.appendingPathComponent("mailbox/INBOX.json"))
        return store
    }

    @Test func backupRestoresToTheSameFilesWithPrivateModes() throws {
        let dir = try TemporaryDirectory()
        let store = try Self.filledStore(dir)
        let archive = dir.url.appendingPathComponent("backup.tar.gz")
        let manifest = try StoreBackup(store: store).write(to: archive)
        #expect(try TemporaryDirectory.mode(archive.path) == 0o600)
        #expect(!manifest.files.contains { $0.path.hasSuffix(".lock") })

        let target = dir.url.appendingPathComponent("restored")
        try StoreRestore().restore(archive, to: target)
        let before = try StoreBackup.inventory(of: store.root).filter { !$0.key.hasSuffix(".lock") }
        let after = try StoreBackup.inventory(of: target)
        #expect(before.mapValues(\.sha256) == after.mapValues(\.sha256))
        #expect(try TemporaryDirectory.mode(target.path) == 0o700)
        #expect(try TemporaryDirectory.mode(target.appendingPathComponent("journal.jsonl").path) == 0o600)
    }

    @Test func restoreRefusesAFolderThatIsNotEmpty() throws {
        let dir = try TemporaryDirectory()
        let archive = dir.url.appendingPathComponent("backup.tar.gz")
        try StoreBackup(store: try Self.filledStore(dir)).write(to: archive)
        let target = dir.url.appendingPathComponent("busy")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: target.appendingPathComponent("keep.txt"))
        #expect(throws: StoreError.self) { try StoreRestore().restore(archive, to: target) }
        #expect(try String(contentsOf: target.appendingPathComponent("keep.txt"), encoding: .utf8) == "x")
    }

    @Test func restoreRefusesAnArchiveWithALinkOrAFileOutsideTheStore() throws {
        let dir = try TemporaryDirectory()
        let source = dir.url.appendingPathComponent("evil")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("store"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: source.appendingPathComponent("store/link").path, withDestinationPath: "/etc")
        let archive = dir.url.appendingPathComponent("evil.tar.gz")
        try Tar.run(["--create", "--gzip", "--file", archive.path, "--directory", source.path, "store"])
        let target = dir.url.appendingPathComponent("target")
        let error = try #require(throws: StoreError.self) { try StoreRestore().restore(archive, to: target) }
        #expect(error.description.contains("neither a file nor a folder"))
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func aDamagedFileIsFoundBeforeTheTargetIsWritten() throws {
        let manifest = BackupManifest(format: 1, createdAt: Date(), files: [
            .init(path: "journal.jsonl", bytes: 3, sha256: "aa"), .init(path: "roster.csv", bytes: 1, sha256: "bb"),
        ])
        let found: [String: (bytes: Int, sha256: String)] = ["journal.jsonl": (3, "ab"), "extra": (1, "cc")]
        #expect(manifest.differences(found: found) == [
            "journal.jsonl differs from the manifest (damaged archive)", "roster.csv is missing", "extra is not in the manifest",
        ])
        #expect(BackupManifest.problem(withPath: "../etc/passwd") != nil)
        #expect(BackupManifest.problem(withPath: "/etc/passwd") != nil)
        #expect(BackupManifest.problem(withPath: "messages/2026-12/a.eml") == nil)
    }

    @Test func intoAFolderKeepsTheNewestOnly() throws {
        let dir = try TemporaryDirectory()
        let store = try Self.filledStore(dir)
        let folder = dir.url.appendingPathComponent("backups")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        for day in 0..<4 {
            _ = try StoreBackup(store: store).write(into: folder, keep: 2, now: Date(timeIntervalSince1970: 1_800_000_000 + Double(day) * 86_400))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["cpdbot-20270117T080000Z.tar.gz", "cpdbot-20270118T080000Z.tar.gz", "notes.txt"])
    }

    @Test func aBackupWaitsWhileTheStoreIsBeingChanged() throws {
        let dir = try TemporaryDirectory()
        let store = try Self.filledStore(dir)
        let lock = try store.lock()
        var backup = StoreBackup(store: store)
        backup.lockTimeout = .milliseconds(200)
        #expect(throws: StoreError.self) { try backup.write(to: dir.url.appendingPathComponent("b.tar.gz")) }
        lock.pauseWriting()
        try backup.write(to: dir.url.appendingPathComponent("b.tar.gz"))
        try lock.resumeWriting()
        lock.release()
    }

    @Test func aBackupIsLetInBetweenTwoChangesOfAPass() throws {
        let dir = try TemporaryDirectory()
        let store = try Self.filledStore(dir)
        let lock = try store.lock()
        defer { lock.release() }
        let archive = dir.url.appendingPathComponent("between.tar.gz")
        let done = DispatchSemaphore(value: 0)
        let outcome = BackupOutcome()
        Thread.detachNewThread {
            var backup = StoreBackup(store: store)
            backup.lockTimeout = .seconds(20)
            outcome.set(Result { try backup.write(to: archive) })
            done.signal()
        }
        // The pass: one change after another, each followed by the check a real pass makes.
        var changes = 0
        while done.wait(timeout: .now() + .milliseconds(10)) == .timedOut, changes < 1000 {
            try store.journal.append(JournalEvent(event: .poll, detail: "change \(changes)"))
            changes += 1
            lock.yieldToBackup()
        }
        let manifest = try #require(try outcome.result?.get())
        #expect(changes < 1000, "the backup never got its turn")
        #expect(manifest.files.contains { $0.path == "journal.jsonl" })
        #expect(!FileManager.default.fileExists(atPath: store.root.appendingPathComponent("backup.request").path))
    }
}

final class BackupOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<BackupManifest, any Error>?
    var result: Result<BackupManifest, any Error>? { lock.withLock { value } }
    func set(_ result: Result<BackupManifest, any Error>) { lock.withLock { value = result } }
}
