import Config
import Foundation
import Store

extension ConsoleApp {
    /// Runs a request that may change the store under the store's writing lock – the lock the
    /// mail loop holds while it handles a message (DSHR's confirming reply among them) – after
    /// asking a running `run` to let go between two messages. Waits at most
    /// `console.write_wait_seconds`, then throws `StoreError.locked` (the page says "try again").
    /// The console's own writes go one at a time: the request to `run` is one file.
    func whileWriting<T>(_ work: () throws -> T) throws -> T {
        try writes.withLock {
            try store.withWritingLockAskingRun(timeout: .seconds(settings.writeWaitSeconds), work)
        }
    }
}
