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
