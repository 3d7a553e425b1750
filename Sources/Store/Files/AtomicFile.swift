public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Crash-safe whole-file writes: a reader sees either the old or the new content, never a mix,
/// and after `write` returns the new content survives a power loss (temp file, fsync, rename,
/// fsync of the directory).
public enum AtomicFile {
    /// Mode for files that hold personal data: readable by the service's user only.
    public static let privateMode: mode_t = 0o600

    /// Replaces the file at `url` with `bytes`. The parent directory must exist.
    /// `deferrable`: inside a group commit, a file that exists already is written only at the
    /// commit, once with its newest content (`GroupCommit.deferReplace`).
    public static func write(_ bytes: Data, to url: URL, mode: mode_t = privateMode, deferrable: Bool = false) throws {
        let path = url.path
        if deferrable, let batch = GroupCommit.current,
           batch.deferredContent(path) != nil || FileManager.default.fileExists(atPath: path) {
            batch.deferReplace(bytes, path: path, mode: mode)
            return
        }
        let directory = url.deletingLastPathComponent().path
        // The temp file lives in the same directory so that rename(2) is atomic (same file system);
        // the leading dot keeps it out of listings of the store's own files.
        let tempPath = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = try POSIX.open(tempPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode, operation: "create temporary file")
        var renamed = false
        defer {
            if !renamed { unlink(tempPath) }
        }
        do {
            // The umask may have removed bits from `mode`; fchmod sets exactly what was asked.
            if fchmod(fd, mode) != 0 {
                throw StoreError.io(operation: "set permissions of", path: tempPath, errno: errno)
            }
            try POSIX.writeAll(fd, bytes, path: tempPath)
            try POSIX.fsync(fd, path: tempPath, target: path)
        } catch {
            close(fd)
            throw error
        }
        close(fd)
        if rename(tempPath, path) != 0 {
            throw StoreError.io(operation: "replace", path: path, errno: errno)
        }
        renamed = true
        try POSIX.fsyncDirectory(directory)
    }

    /// Encodes `value` as pretty, key-sorted JSON and writes it atomically.
    public static func writeJSON<T: Encodable>(_ value: T, to url: URL, mode: mode_t = privateMode) throws {
        let data: Data
        do {
            data = try StoreJSON.encoder.encode(value)
        } catch {
            throw StoreError.invalidValue(what: url.lastPathComponent, detail: "\(error)")
        }
        try write(data + Data("\n".utf8), to: url, mode: mode)
    }

    /// Reads and decodes a JSON file; nil when the file does not exist.
    /// Decoded once while the file is unchanged, where the store keeps a read cache (`StoreReadCache`).
    public static func readJSON<T: Decodable>(_ type: T.Type, from url: URL) throws -> T? {
        try StoreReadCache.shared.value(path: url.path, kind: "json:\(T.self)") { data in
            do {
                return try StoreJSON.decoder.decode(type, from: data)
            } catch {
                throw StoreError.corrupt(path: url.path, detail: "not the expected JSON: \(error)")
            }
        }
    }
}
