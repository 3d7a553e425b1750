import Digest
public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `cpdbot backup`: a consistent copy of the store, as one gzip-compressed tar.
///
/// Consistency comes from the writing lock (`WritingLock`): the store's files are copied into
/// a staging folder while no one changes them, then archived at leisure without the lock.
/// `run` lets go of the lock while it waits for mail, and – seeing `backup.request` – between
/// two messages of a pass, so the copy waits for one message, not for a 2000-message pass. A
/// journal-as-commit-point copy would avoid even that wait, but every part of the store
/// (outbox, mailbox position, applications) would then need its own recovery rule; a pause
/// of `run` for the seconds of a copy is cheaper and obviously right.
///
/// The archive is made by the system's GNU tar and gzip (Debian's, always installed).
public struct StoreBackup {
    /// The store backed up.
    public let store: FileStore
    /// How long to wait for the store to be between two changes.
    public var lockTimeout: Duration = .seconds(600)

    /// A backup of `store`; nothing is read until it is run.
    public init(store: FileStore) {
        self.store = store
    }

    /// Files that are never part of a backup: the locks.
    static let excluded: Set<String> = ["cpdbot.lock", FileStore.writingLockName, FileStore.backupRequestName,
                                         FileStore.writeRequestName]

    /// Writes the backup to `destination` (atomically: a temporary file, then rename); returns
    /// its manifest.
    @discardableResult
    public func write(to destination: URL, now: Date = Date()) throws -> BackupManifest {
        let folder = destination.deletingLastPathComponent()
        let staging = folder.appendingPathComponent(".\(destination.lastPathComponent).staging-\(getpid())")
        try? FileManager.default.removeItem(at: staging)
        try POSIX.makeDirectory(staging.path)
        defer { try? FileManager.default.removeItem(at: staging) }

        let copy = staging.appendingPathComponent("store")
        let lock = WritingLock(path: store.root.appendingPathComponent(FileStore.writingLockName).path)
        // Asks a running `run` to let go between two messages rather than at the end of its pass.
        let request = store.root.appendingPathComponent(FileStore.backupRequestName)
        _ = FileManager.default.createFile(atPath: request.path, contents: nil, attributes: [.posixPermissions: 0o600])
        defer { try? FileManager.default.removeItem(at: request) }
        try lock.acquire(timeout: lockTimeout)
        do {
            try Self.copyTree(from: store.root, to: copy, skipping: Self.excluded)
        } catch {
            lock.release()
            throw error
        }
        lock.release()

        let manifest = BackupManifest(format: BackupManifest.currentFormat, createdAt: now,
                                      files: try Self.inventory(of: copy).map { path, facts in
                                          BackupManifest.File(path: path, bytes: facts.bytes, sha256: facts.sha256)
                                      }.sorted { $0.path < $1.path })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        try AtomicFile.write(try encoder.encode(manifest), to: staging.appendingPathComponent(BackupManifest.fileName))

        let partial = folder.appendingPathComponent(".\(destination.lastPathComponent).partial-\(getpid())")
        defer { try? FileManager.default.removeItem(at: partial) }
        try Tar.run(["--create", "--gzip", "--file", partial.path, "--directory", staging.path,
                     "--owner=0", "--group=0", "--numeric-owner", BackupManifest.fileName, "store"])
        let fd = try POSIX.open(partial.path, O_RDONLY | O_CLOEXEC, operation: "open the backup")
        defer { close(fd) }
        try POSIX.fsync(fd, path: partial.path)
        guard chmod(partial.path, 0o600) == 0 else { throw StoreError.io(operation: "chmod", path: partial.path, errno: errno) }
        guard rename(partial.path, destination.path) == 0 else {
            throw StoreError.io(operation: "rename the backup to", path: destination.path, errno: errno)
        }
        try POSIX.fsyncDirectory(folder.path)
        return manifest
    }

    /// `<folder>/cpdbot-<UTC date and time>.tar.gz`, then all but the newest `keep` such files
    /// deleted. Returns the new file and the deleted ones.
    public func write(into folder: URL, keep: Int, now: Date = Date()) throws -> (file: URL, deleted: [URL]) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let file = folder.appendingPathComponent("cpdbot-\(formatter.string(from: now)).tar.gz")
        try write(to: file, now: now)
        let names = try POSIX.list(folder.path).filter(Self.isBackupName).sorted()
        let old = names.dropLast(max(keep, 1)).map { folder.appendingPathComponent($0) }
        for url in old { try? FileManager.default.removeItem(at: url) }
        return (file, old)
    }

    /// Names `write(into:)` gives, and only those (`--keep` never deletes anything else).
    static func isBackupName(_ name: String) -> Bool {
        name.hasPrefix("cpdbot-") && name.hasSuffix("Z.tar.gz") && name.count == "cpdbot-20260101T000000Z.tar.gz".count
    }

    /// Copies regular files and folders (0600 / 0700), nothing else (a symbolic link in the
    /// store is not the store's).
    static func copyTree(from source: URL, to target: URL, skipping: Set<String>) throws {
        try POSIX.makeDirectory(target.path)
        try POSIX.restrictDirectory(target.path)
        for name in try POSIX.list(source.path) where !skipping.contains(name) {
            let from = source.appendingPathComponent(name)
            let to = target.appendingPathComponent(name)
            var status = stat()
            guard lstat(from.path, &status) == 0 else { continue }  // gone since the listing
            switch status.st_mode & S_IFMT {
            case S_IFDIR: try copyTree(from: from, to: to, skipping: [])
            case S_IFREG:
                guard let data = try POSIX.readIfExists(from) else { continue }
                let fd = try POSIX.open(to.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600, operation: "create")
                defer { close(fd) }
                try POSIX.writeAll(fd, data, path: to.path)
            default: continue
            }
        }
    }

    /// Every regular file under `root`: relative path → size and SHA-256.
    static func inventory(of root: URL) throws -> [String: (bytes: Int, sha256: String)] {
        var result: [String: (bytes: Int, sha256: String)] = [:]
        func walk(_ folder: URL, _ prefix: String) throws {
            for name in try POSIX.list(folder.path) {
                let url = folder.appendingPathComponent(name)
                let relative = prefix.isEmpty ? name : prefix + "/" + name
                var status = stat()
                guard lstat(url.path, &status) == 0 else { continue }
                if status.st_mode & S_IFMT == S_IFDIR {
                    try walk(url, relative)
                } else if status.st_mode & S_IFMT == S_IFREG {
                    let data = try POSIX.readIfExists(url) ?? Data()
                    result[relative] = (data.count, SHA256.hexDigest(data))
                }
            }
        }
        try walk(root, "")
        return result
    }
}

/// The system's GNU tar, run without a shell.
enum Tar {
    static func run(_ arguments: [String]) throws {
        _ = try output(arguments)
    }

    static func output(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/tar")
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw StoreError.invalidValue(what: "the backup", detail: "cannot run /bin/tar (\(error)); install the tar package")
        }
        // Read before waiting: a listing larger than the pipe's buffer would block tar.
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let messages = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = String(decoding: messages, as: UTF8.self).split(whereSeparator: \.isNewline).prefix(3).joined(separator: "; ")
            throw StoreError.invalidValue(what: "the backup", detail: "tar failed: \(reason)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
