import Digest
public import Foundation

/// `cpdbot-backup.json`, the first file of every backup: what the archive must hold, each
/// file with its size and SHA-256, so that a restore checks the whole archive before it
/// writes a byte into the target.
public struct BackupManifest: Codable, Sendable, Equatable {
    /// One file of the archive.
    public struct File: Codable, Sendable, Equatable {
        /// Relative to `store/` in the archive.
        public var path: String
        /// Size in bytes.
        public var bytes: Int
        /// Hex SHA-256 of the content.
        public var sha256: String
    }

    /// The manifest's name at the archive's top.
    public static let fileName = "cpdbot-backup.json"
    /// The manifest format this cpdbot writes and reads.
    public static let currentFormat = 1

    /// The manifest format the archive was written in.
    public var format: Int
    /// When the backup was taken.
    public var createdAt: Date
    /// Every file in the archive, sorted by path.
    public var files: [File]

    enum CodingKeys: String, CodingKey {
        case format, createdAt = "created_at", files
    }

    /// Why a relative path from an archive cannot be restored (nil: it can): absolute, `..`,
    /// empty components, or the manifest's own name.
    static func problem(withPath path: String) -> String? {
        if path.hasPrefix("/") { return "an absolute path" }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) { return "a path with '.', '..' or '//'" }
        return nil
    }

    /// Compares the files found (relative path → contents' size and SHA-256) with the
    /// manifest; every difference, in words (empty: the archive is whole).
    func differences(found: [String: (bytes: Int, sha256: String)]) -> [String] {
        var problems: [String] = []
        for file in files {
            guard let actual = found[file.path] else {
                problems.append("\(file.path) is missing")
                continue
            }
            if actual.bytes != file.bytes || actual.sha256 != file.sha256 {
                problems.append("\(file.path) differs from the manifest (damaged archive)")
            }
        }
        let listed = Set(files.map(\.path))
        for path in found.keys.sorted() where !listed.contains(path) {
            problems.append("\(path) is not in the manifest")
        }
        return problems
    }
}
