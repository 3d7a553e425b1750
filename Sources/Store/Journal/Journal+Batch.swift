import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Journal {
    /// Appends many events in one write and one fsync: a bulk import (the console benchmark's
    /// store of 100,000 lines), where an fsync per line would take minutes. Same lines as
    /// `append(_:)` one by one.
    public func append(contentsOf events: [JournalEvent]) throws {
        try JSONLinesFile(url: url).append(contentsOf: events)
    }
}

extension JSONLinesFile {
    func append<T: Encodable>(contentsOf values: [T]) throws {
        guard !values.isEmpty else { return }
        var bytes = Data()
        for value in values {
            do {
                bytes.append(try StoreJSON.lineEncoder.encode(value))
            } catch {
                throw StoreError.invalidValue(what: "a line of \(url.lastPathComponent)", detail: "\(error)")
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        let path = url.path
        let fd = try POSIX.open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600, operation: "open for appending")
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_size > 0 {
            var last: UInt8 = 0
            if pread(fd, &last, 1, off_t(info.st_size - 1)) == 1, last != UInt8(ascii: "\n") {
                bytes.insert(UInt8(ascii: "\n"), at: 0)
            }
        }
        try POSIX.writeAll(fd, bytes, path: path)
        try POSIX.fsync(fd, path: path)
    }
}
