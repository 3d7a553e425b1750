import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An append-only JSON Lines file (one JSON value per line), written with O_APPEND + fsync.
///
/// A crash can leave a half-written last line. Readers skip lines that do not decode and
/// report how many; the next append starts on a fresh line so that it is never glued to the
/// damaged one.
struct JSONLinesFile: Sendable {
    let url: URL

    func append<T: Encodable>(_ value: T) throws {
        var line: Data
        do {
            line = try StoreJSON.lineEncoder.encode(value)
        } catch {
            throw StoreError.invalidValue(what: "a line of \(url.lastPathComponent)", detail: "\(error)")
        }
        line.append(UInt8(ascii: "\n"))
        let path = url.path
        // Read-write: the last byte is checked with pread before appending.
        let fd = try POSIX.open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600, operation: "open for appending")
        defer { close(fd) }
        if !Self.endsWithNewline(fd) { line.insert(UInt8(ascii: "\n"), at: 0) }
        // One write(2) of the whole line: O_APPEND makes it land at the end in one piece.
        try POSIX.writeAll(fd, line, path: path)
        try POSIX.fsync(fd, path: path)
    }

    /// Every line that decodes as `T`, in file order, and the number of lines that did not.
    func readAll<T: Decodable>(_ type: T.Type) throws -> (values: [T], skipped: Int) {
        guard let data = try POSIX.readIfExists(url) else { return ([], 0) }
        let decoder = StoreJSON.decoder
        var values: [T] = []
        var skipped = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            if let value = try? decoder.decode(T.self, from: Data(line)) {
                values.append(value)
            } else {
                skipped += 1
            }
        }
        return (values, skipped)
    }

    /// True for an empty file or one whose last byte is a newline.
    private static func endsWithNewline(_ fd: Int32) -> Bool {
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return true }
        var last: UInt8 = 0
        guard pread(fd, &last, 1, off_t(info.st_size - 1)) == 1 else { return true }
        return last == UInt8(ascii: "\n")
    }
}
