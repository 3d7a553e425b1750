#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import Foundation

/// The last failure of `poll` or `run`, kept where a full disk cannot lose it: a file of fixed
/// size, made when the store opens and afterwards only overwritten in place, so writing it
/// needs no new block. Every other record of an error (the journal, the mailbox state) needs
/// free space, which is exactly what a full disk does not have.
public struct FailureRecord: Sendable {
    /// The file's fixed size; a longer text is cut.
    static let size = 4096
    /// `mailbox/last-failure.json` inside the store, written at a fixed size so that a full disk cannot stop it.
    public let url: URL

    /// The last failure as recorded.
    public struct Failure: Codable, Equatable, Sendable {
        /// When it happened.
        public var at: Date
        /// What failed, redacted of credentials and cut to the record's size.
        public var what: String
    }

    /// Makes the file when it is missing; best effort, so that a store on a full disk still opens.
    init(url: URL) {
        self.url = url
        guard !FileManager.default.fileExists(atPath: url.path) else { return }
        // Made with its blocks allocated (spaces, not a hole), then never grown.
        guard let fd = try? POSIX.open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600, operation: "create") else { return }
        defer { close(fd) }
        try? POSIX.writeAll(fd, Data(repeating: 0x20, count: Self.size), path: url.path)
        try? POSIX.fsync(fd, path: url.path)
    }

    /// Overwrites the record. Best effort by design: it is called while something else failed.
    public func record(_ what: String, at date: Date) throws {
        var text = what
        var data = Data()
        repeat {
            data = try JSONEncoder.failure.encode(Failure(at: date, what: text))
            text = String(text.prefix(max(0, text.count - 256)))
        } while data.count > Self.size - 1 && !text.isEmpty
        data.append(contentsOf: [UInt8](repeating: 0x20, count: max(0, Self.size - data.count)))
        let fd = try POSIX.open(url.path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600, operation: "open")
        defer { close(fd) }
        try POSIX.writeAll(fd, data.prefix(Self.size), path: url.path)
        try POSIX.fsync(fd, path: url.path)
    }

    /// The last failure recorded, if any.
    public func last() -> Failure? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        return try? JSONDecoder.failure.decode(Failure.self, from: Data(text.utf8))
    }
}

private extension JSONEncoder {
    static var failure: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

private extension JSONDecoder {
    static var failure: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
