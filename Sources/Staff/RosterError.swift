// The one error type of the Staff module. It carries every problem of a roster; the caller
// (the store, the command line) adds which file it was.

/// A roster table that cannot be used.
public enum RosterError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The roster did not validate; every problem names its row and column.
    case invalid([RosterIssue])

    /// The problems, for the store's own error (`StoreError.rosterInvalid`).
    public var issues: [RosterIssue] {
        switch self {
        case let .invalid(issues): issues
        }
    }

    /// What is wrong, row by row (at most 20), and what to do.
    public var description: String {
        let shown = issues.prefix(20).map(\.description).joined(separator: "; ")
        let more = issues.count > 20 ? " (and \(issues.count - 20) more)" : ""
        return "not a valid roster: \(shown)\(more); fix these rows and send the roster again"
    }
}
