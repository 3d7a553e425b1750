#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import Staff

// The one error type of the Store module. Every message names the path it concerns and
// says what the operator can do about it, because these end up on stderr of `cpdbot`.

/// A problem with the file store.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A system call failed on `path` (`operation` is what we were doing, `errno` the cause).
    case io(operation: String, path: String, errno: Int32)
    /// Another process holds the store lock.
    case locked(pid: Int32?, path: String)
    /// A state file exists but cannot be decoded.
    case corrupt(path: String, detail: String)
    /// A CSV file could not be split into records.
    case malformedCSV(path: String, line: Int, detail: String)
    /// A roster did not validate; every problem names its row and column.
    case rosterInvalid(path: String, issues: [RosterIssue])
    /// The store has no entry with this key.
    case notFound(what: String, path: String)
    /// A value handed to the store cannot be stored as is.
    case invalidValue(what: String, detail: String)
    /// The store was written by a newer cpdbot (`store-format.json` names a later format).
    case newerFormat(path: String, found: Int, supported: Int)

    /// The disk (or the user's quota) is full: the bot waits and tries again instead of stopping.
    public var isOutOfSpace: Bool {
        if case let .io(_, _, code) = self { return code == ENOSPC || code == EDQUOT }
        return false
    }

    /// What failed, on which path, and what the operator should do about it.
    public var description: String {
        switch self {
        case let .io(operation, path, code):
            return "could not \(operation) \(path): \(Self.systemMessage(code)); "
                + "check that the store directory exists, has free space and belongs to the service's user"
        case let .locked(pid, path):
            let who = pid.map { "another cpdbot (pid \($0))" } ?? "another cpdbot"
            return "\(who) is using the store at \(path); stop it first"
        case let .corrupt(path, detail):
            return "\(path) is damaged (\(detail)); restore it from a backup or move it aside"
        case let .malformedCSV(path, line, detail):
            return "\(path), line \(line): \(detail); save the file again as CSV UTF-8 and resend it"
        case let .rosterInvalid(path, issues):
            let shown = issues.prefix(20).map(\.description).joined(separator: "; ")
            let more = issues.count > 20 ? " (and \(issues.count - 20) more)" : ""
            return "\(path) is not a valid roster: \(shown)\(more); fix these rows and send the roster again"
        case let .notFound(what, path):
            return "\(what) not found at \(path)"
        case let .invalidValue(what, detail):
            return "cannot store \(what): \(detail)"
        case let .newerFormat(path, found, supported):
            return "\(path) says the store has format \(found), written by a newer cpdbot; this one reads formats up to "
                + "\(supported): run the newer cpdbot, or restore a backup this version made"
        }
    }

    static func systemMessage(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
