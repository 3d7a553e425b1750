public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `cpdbot restore`: a backup back into an empty folder. The archive is checked whole before
/// the target is touched: only regular files and folders, relative paths inside `store/`,
/// every file as the manifest lists it (size and SHA-256). Files come back 0600, folders 0700.
public struct StoreRestore {
    /// A restore; the archive and the target are given when it runs.
    public init() {}

    /// Restores `archive` into `target`, which must not exist or be an empty folder. Returns
    /// the manifest.
    @discardableResult
    public func restore(_ archive: URL, to target: URL) throws -> BackupManifest {
        let target = target.standardizedFileURL
        if let contents = try? FileManager.default.contentsOfDirectory(atPath: target.path), !contents.isEmpty {
            throw StoreError.invalidValue(what: "the restore", detail: "\(target.path) is not empty; restore into a new or empty folder")
        }
        guard FileManager.default.isReadableFile(atPath: archive.path) else {
            throw StoreError.notFound(what: "the backup", path: archive.path)
        }
        try Self.checkListing(try Tar.output(["--list", "--verbose", "--gzip", "--file", archive.path]), archive: archive.path)

        // Unpacked next to the target (same file system: the final step is a rename).
        let parent = target.deletingLastPathComponent()
        try POSIX.makeDirectory(parent.path)
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).restore-\(getpid())")
        try? FileManager.default.removeItem(at: staging)
        try POSIX.makeDirectory(staging.path)
        try POSIX.restrictDirectory(staging.path)
        defer { try? FileManager.default.removeItem(at: staging) }
        try Tar.run(["--extract", "--gzip", "--file", archive.path, "--directory", staging.path,
                     "--no-same-owner", "--no-same-permissions", "--no-overwrite-dir"])

        let manifestURL = staging.appendingPathComponent(BackupManifest.fileName)
        guard let data = try POSIX.readIfExists(manifestURL) else {
            throw StoreError.corrupt(path: archive.path, detail: "no \(BackupManifest.fileName): not a cpdbot backup")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let manifest: BackupManifest
        do {
            manifest = try decoder.decode(BackupManifest.self, from: data)
        } catch {
            throw StoreError.corrupt(path: archive.path, detail: "\(BackupManifest.fileName) cannot be read: \(error)")
        }
        guard manifest.format == BackupManifest.currentFormat else {
            throw StoreError.corrupt(path: archive.path, detail: "backup format \(manifest.format); this cpdbot reads \(BackupManifest.currentFormat)")
        }
        if let bad = manifest.files.first(where: { BackupManifest.problem(withPath: $0.path) != nil }) {
            throw StoreError.corrupt(path: archive.path, detail: "the manifest names \(bad.path)")
        }
        let restored = staging.appendingPathComponent("store")
        let differences = manifest.differences(found: try StoreBackup.inventory(of: restored))
        guard differences.isEmpty else {
            throw StoreError.corrupt(path: archive.path, detail: differences.prefix(5).joined(separator: "; "))
        }
        try Self.restrict(restored)
        if FileManager.default.fileExists(atPath: target.path) {
            guard rmdir(target.path) == 0 else { throw StoreError.io(operation: "replace the empty folder", path: target.path, errno: errno) }
        }
        guard rename(restored.path, target.path) == 0 else {
            throw StoreError.io(operation: "move the restored store to", path: target.path, errno: errno)
        }
        try POSIX.fsyncDirectory(parent.path)
        return manifest
    }

    /// `tar --list --verbose` lines: every member a regular file or a folder, under `store/`
    /// or the manifest itself, with a path that stays inside.
    static func checkListing(_ listing: String, archive: String) throws {
        for line in listing.split(whereSeparator: \.isNewline) {
            // "-rw------- 0/0 123 2026-12-07 01:02 store/journal.jsonl"
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count == 6, let kind = fields[0].first else {
                throw StoreError.corrupt(path: archive, detail: "unexpected listing line '\(line)'")
            }
            var name = String(fields[5])
            guard kind == "-" || kind == "d" else {
                throw StoreError.corrupt(path: archive, detail: "\(name) is neither a file nor a folder (type \(kind)); refused")
            }
            if name.hasPrefix("./") { name.removeFirst(2) }
            if name.hasSuffix("/") { name.removeLast() }
            if name.isEmpty || name == "." { continue }
            if let problem = BackupManifest.problem(withPath: name) {
                throw StoreError.corrupt(path: archive, detail: "\(name) is \(problem); refused")
            }
            guard name == BackupManifest.fileName || name == "store" || name.hasPrefix("store/") else {
                throw StoreError.corrupt(path: archive, detail: "\(name) is outside store/; not a cpdbot backup")
            }
        }
    }

    /// 0700 folders, 0600 files, as the store keeps them.
    static func restrict(_ root: URL) throws {
        guard chmod(root.path, 0o700) == 0 else { throw StoreError.io(operation: "chmod", path: root.path, errno: errno) }
        for name in try POSIX.list(root.path) {
            let url = root.appendingPathComponent(name)
            var status = stat()
            guard lstat(url.path, &status) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFDIR {
                try restrict(url)
            } else if chmod(url.path, 0o600) != 0 {
                throw StoreError.io(operation: "chmod", path: url.path, errno: errno)
            }
        }
    }
}
