import Foundation
import MIME

/// The subject of an archived message, for the daily summary: only the header is read (a few
/// KiB of a message that may be megabytes), and a path that is not the archive's own shape is
/// never opened.
struct ArchivedSubject {
    let archive: URL
    /// Bytes read from the start of a message; a header longer than this has no subject shown.
    var maxHeaderBytes = 64 * 1024

    func subject(sha256: String, path: String) -> String? {
        guard Self.isArchivePath(path, sha256: sha256) else { return nil }
        guard let handle = try? FileHandle(forReadingFrom: archive.appendingPathComponent(path)) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: maxHeaderBytes) else { return nil }
        return Self.subject(inHeaderOf: [UInt8](data))
    }

    /// The decoded `Subject:` of the header section at the start of `bytes` (pure).
    static func subject(inHeaderOf bytes: [UInt8]) -> String? {
        var end = bytes.count
        for index in bytes.indices where bytes[index] == 0x0A {
            // LF (CR)? LF ends the header section.
            let next = index + 1
            if next < bytes.count, bytes[next] == 0x0A || (bytes[next] == 0x0D && next + 1 < bytes.count && bytes[next + 1] == 0x0A) {
                end = next
                break
            }
        }
        let header = Array(bytes[..<end]) + Array("\r\n\r\n".utf8)
        guard let message = try? MessageParser().parse(header), let subject = message.subject else { return nil }
        let trimmed = subject.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// `YYYY-MM/<sha256>.eml`, as `MessageArchive` writes it: no `..`, no absolute path.
    static func isArchivePath(_ path: String, sha256: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1] == "\(sha256).eml", sha256.count == 64,
              sha256.allSatisfy({ $0.isHexDigit }), parts[0].count == 7 else { return false }
        return parts[0].enumerated().allSatisfy { index, character in index == 4 ? character == "-" : character.isASCII && character.isNumber }
    }
}
