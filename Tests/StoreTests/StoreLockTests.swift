import Foundation
import Testing
@testable import Store

@Suite struct StoreLockTests {
    @Test func secondInstanceIsRefusedWithThePidAndPath() throws {
        let dir = try TemporaryDirectory()
        let first = try dir.store()
        let lock = try first.lock()
        let second = try FileStore(root: first.root)
        let error = try #require(throws: StoreError.self) { _ = try second.lock() }
        #expect(error == .locked(pid: getpid(), path: first.root.path))
        #expect(error.description == "another cpdbot (pid \(getpid())) is using the store at \(first.root.path); stop it first")
        lock.release()
        let again = try second.lock()
        again.release()
    }

    @Test func lockFileHoldsThePidAndIsPrivate() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let lock = try store.lock()
        defer { lock.release() }
        let text = try String(contentsOfFile: store.lockPath, encoding: .utf8)
        #expect(text == "\(getpid())\n")
        #expect(try TemporaryDirectory.mode(store.lockPath) == 0o600)
    }
}

/// The lock against other processes, using util-linux `flock(1)` as the other process.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
struct StoreLockProcessTests {
    @Test func anotherProcessCannotTakeTheLockWhileWeHoldIt() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let lock = try store.lock()
        #expect(try Self.run(["-n", store.lockPath, "true"]) == 1)
        lock.release()
        #expect(try Self.run(["-n", store.lockPath, "true"]) == 0)
    }

    /// kill -9 of the holder frees the lock: a crashed instance never blocks the restart.
    @Test func aKilledHolderLeavesNoStaleLock() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        // `-o`: the lock stays with flock itself, not with the shell it starts, so killing flock
        // is killing the holder.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        let marker = dir.url.appendingPathComponent("held").path
        holder.arguments = ["-n", "-o", store.lockPath, "sh", "-c", "touch '\(marker)'; sleep 20"]
        try holder.run()
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }
        // Wait until the child holds the lock (at most 5 s).
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: marker) { usleep(50_000) }
        #expect(throws: StoreError.self) { _ = try store.lock() }
        kill(holder.processIdentifier, SIGKILL)
        // Well before the holder's command would have ended on its own, the lock is free again.
        var lock: StoreLock?
        for _ in 0..<40 where lock == nil {
            lock = try? store.lock()
            if lock == nil { usleep(50_000) }
        }
        #expect(lock != nil)
        lock?.release()
    }

    static func run(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
