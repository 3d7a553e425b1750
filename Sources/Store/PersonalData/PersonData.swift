public import Foundation
#if canImport(Glibc)
import Glibc
import Staff
#endif

/// What the store holds about one person (Law 94-V: a person's data shown on request), found
/// by reading every file of the store: the parts the store understands are described (roster
/// entry, application rows, journal events, messages, outbox), every other file that names the
/// address is listed by path, so nothing escapes because no one thought of it.
public struct PersonData: Sendable {
    /// Where a finding lies; erase keeps `plans` and `training` (see `PersonEraser`).
    public enum Area: String, Sendable, CaseIterable {
        case roster, applications, journal, messages, outbox, plans, training, other
    }

    /// One place in the store that holds the person's data.
    public struct Finding: Sendable, Equatable {
        /// Which part of the store it is in.
        public var area: Area
        /// Relative to the store.
        public var path: String
        /// One line: what this is, e.g. "row 3 of Бөлім 1, 2026-2027, from message <…>".
        public var summary: String
    }

    /// The address searched for, trimmed and lower-cased.
    public let email: String
    /// Every place found, in store order.
    public let findings: [Finding]

    /// Reads the whole store for `email` (case-insensitive).
    public init(store: FileStore, email: String) throws {
        let address = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard address.contains("@"), !address.contains(where: \.isWhitespace) else {
            throw StoreError.invalidValue(what: "the address '\(email)'", detail: "not an e-mail address")
        }
        self.email = address
        var findings: [Finding] = []
        if let person = try? store.roster.load().person(address: address) {
            findings.append(Finding(area: .roster, path: "roster.csv", summary:
                "\(person.fullName), \(person.unit), \(person.category.rawValue), role \(person.role.rawValue), language \(person.language.rawValue)"))
        }
        for cycle in try store.applications.cycles() {
            for row in try store.applications.all(cycle: cycle) where row.email == address || row.submittedBy.lowercased() == address {
                let role = row.email == address ? "applicant" : "submitted by them for \(row.email)"
                findings.append(Finding(area: .applications, path: "applications/\(cycle)", summary:
                    "\(cycle), \(row.unit), row \(row.no.map { String($0) } ?? "–") (\(role)): \(row.programme ?? "–"); "
                    + "from message <\(row.messageID)> of \(ISO8601DateFormatter().string(from: row.receivedAt))"))
            }
        }
        let needle = Array(address.utf8)
        for path in try Self.files(in: store.root) {
            let url = store.root.appendingPathComponent(path)
            guard let data = try POSIX.readIfExists(url) else { continue }
            let count = Self.occurrences(of: needle, in: data)
            guard count > 0 else { continue }
            findings.append(Self.describe(path: path, data: data, count: count))
        }
        self.findings = findings
    }

    static func describe(path: String, data: Data, count: Int) -> Finding {
        let area = Self.area(of: path)
        switch area {
        case .journal:
            return Finding(area: area, path: path, summary: "\(count) mention(s) in the journal's events")
        case .messages where path.hasSuffix(".eml"), .outbox where path.hasSuffix(".eml"):
            let head = Self.headers(data)
            return Finding(area: area, path: path, summary:
                "message \(head["message-id"] ?? "–") from \(head["from"] ?? "–") to \(head["to"] ?? "–"), "
                + "\(head["date"] ?? "no date"): \(head["subject"] ?? "no subject")")
        default:
            return Finding(area: area, path: path, summary: "\(count) mention(s)")
        }
    }

    static func area(of path: String) -> Area {
        if path == "roster.csv" { return .roster }
        if path == "journal.jsonl" { return .journal }
        let top = path.split(separator: "/").first.map(String.init) ?? path
        switch top {
        case "messages": return .messages
        case "outbox": return .outbox
        case "applications": return .applications
        case "plans": return .plans
        case "training": return .training
        default: return .other
        }
    }

    /// Every regular file of the store, relative, sorted; the locks are not data.
    public static func files(in root: URL) throws -> [String] {
        var result: [String] = []
        func walk(_ folder: URL, _ prefix: String) throws {
            for name in try POSIX.list(folder.path) {
                let relative = prefix.isEmpty ? name : prefix + "/" + name
                var status = stat()
                guard lstat(folder.appendingPathComponent(name).path, &status) == 0 else { continue }
                if status.st_mode & S_IFMT == S_IFDIR {
                    try walk(folder.appendingPathComponent(name), relative)
                } else if status.st_mode & S_IFMT == S_IFREG, !StoreBackup.excluded.contains(relative) {
                    result.append(relative)
                }
            }
        }
        try walk(root, "")
        return result.sorted()
    }

    /// Case-insensitive (ASCII) occurrences of a lower-case `needle`.
    public static func occurrences(of needle: [UInt8], in data: Data) -> Int {
        guard !needle.isEmpty, data.count >= needle.count else { return 0 }
        var count = 0
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0
            let last = bytes.count - needle.count
            while index <= last {
                var matched = true
                for offset in 0..<needle.count where lower(bytes[index + offset]) != needle[offset] {
                    matched = false
                    break
                }
                if matched {
                    count += 1
                    index += needle.count
                } else {
                    index += 1
                }
            }
        }
        return count
    }

    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    /// A few unfolded header fields of a raw message, lower-case names.
    static func headers(_ data: Data) -> [String: String] {
        let text = String(decoding: data.prefix(32 * 1024), as: UTF8.self)
        let head = text.components(separatedBy: "\r\n\r\n").first?.components(separatedBy: "\n\n").first ?? ""
        let unfolded = head.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n ", with: " ")
            .replacingOccurrences(of: "\n\t", with: " ")
        var fields: [String: String] = [:]
        for line in unfolded.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            guard ["from", "to", "subject", "date", "message-id"].contains(name), fields[name] == nil else { continue }
            fields[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }
}
