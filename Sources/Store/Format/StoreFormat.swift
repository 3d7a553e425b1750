import Foundation

/// The version of the store's layout, in `<store>/store-format.json` (0600). A store opened by
/// this cpdbot is first brought to `StoreFormat.current` (`StoreMigration`); a store written
/// by a newer cpdbot is refused rather than half understood.
///
/// - Format 1: every store written before the file existed (up to commit 99929fc). Plans,
///   the training ledger and the in-flight marks lay where they lie now, written by the bot's
///   own code rather than the store's.
/// - Format 2: the same folders, now all written by the store's own types (`PlanFiles`,
///   `TrainingLedgerFile`, `InFlightMarks`), every folder 0700, and this file.
public struct StoreFormat: Codable, Equatable, Sendable {
    /// The layout's version.
    public var format: Int

    /// A format by number.
    public init(format: Int) {
        self.format = format
    }

    /// The layout this cpdbot writes.
    public static let current = 2
    /// What a store without `store-format.json` is.
    public static let beforeVersioning = 1
    /// The file's name at the top of the store.
    public static let fileName = "store-format.json"
}

/// Brings a store to the current layout; each step is safe to run again after a crash.
enum StoreMigration {
    /// Reads the store's format, migrates it step by step and records the new format last (a
    /// crash before that repeats the steps, which change nothing the second time). Returns the
    /// format the store had. Throws `StoreError.newerFormat` for a store of a newer cpdbot.
    @discardableResult
    static func migrate(root: URL) throws -> Int {
        let url = root.appendingPathComponent(StoreFormat.fileName)
        let found = try AtomicFile.readJSON(StoreFormat.self, from: url)?.format ?? StoreFormat.beforeVersioning
        guard found <= StoreFormat.current else {
            throw StoreError.newerFormat(path: url.path, found: found, supported: StoreFormat.current)
        }
        guard found < StoreFormat.current else { return found }
        if found < 2 { try tightenCycleFolders(root: root) }
        try AtomicFile.writeJSON(StoreFormat(format: StoreFormat.current), to: url)
        return found
    }

    /// 1 → 2: the folders the bot used to make itself (`plans/` and each slot, `training/`,
    /// `outbox/inflight/`) get the store's mode, 0700, whatever the umask made of them.
    private static func tightenCycleFolders(root: URL) throws {
        let plans = root.appendingPathComponent("plans")
        var folders = [plans.path, root.appendingPathComponent("training").path,
                       root.appendingPathComponent("outbox/inflight").path]
        folders += try POSIX.list(plans.path).filter { !$0.hasPrefix(".") }.map { plans.appendingPathComponent($0).path }
        for path in folders {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            try POSIX.restrictDirectory(path)
        }
    }
}
