import Staff
import Store

/// The part of `command_result` that lists what is wrong with a roster DSHR sent: each problem
/// with its row, the column by its name in DSHR's language (`column.roster.<key>` in
/// strings.json) and, in brackets, the header code the file has, so that DSHR can find it.
enum RosterErrorContext {
    /// At most this many problems are listed; the rest are counted.
    static let listed = 50

    static func values(_ issues: [RosterIssue]) -> [String: Any] {
        var values: [String: Any] = [
            "roster_error": true,
            "roster_issues": issues.prefix(listed).map { issue -> [String: Any] in
                // "-" is the file as a whole (not UTF-8, empty): no column to name.
                ["row": issue.row, "column": TableColumn("roster.\(issue.column)"), "code": issue.column,
                 "has_column": issue.column != "-", "problem": issue]
            },
        ]
        if issues.count > listed { values["roster_more"] = issues.count - listed }
        return values
    }
}
