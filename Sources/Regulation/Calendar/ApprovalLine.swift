/// The Plan's approval date, from a line of DSHR's message (samples/cycle/README.md §7.7):
/// `Approved: YYYY-MM-DD`, `Бекітілді: DD.MM.YYYY` (or `Бекітілген күні:`) or `Утвержден: DD.MM.YYYY`
/// (or `Дата утверждения:`). Either date form is
/// accepted after any of the labels, and `Утверждён`/`Утверждено`/`Утверждена` too. A sentence
/// such as "approved by the Chairman today" is not a match: the label must start the line and be
/// followed by a colon and a date. Without such a line the caller uses the date received.
public struct ApprovalLine: Sendable, Equatable {
    /// The approval date the line gives.
    public var date: CivilDate
    /// The line as written, for the preview ("approval_line").
    public var line: String

    /// How DSHR starts the line; the longer of two labels that start alike comes first.
    static let labels = ["approved", "approval date", "бекітілді", "бекітілген күні", "бекітілген", "утвержден", "утверждён",
                         "утверждено", "утверждена", "дата утверждения"]
    /// Lines longer than this are prose, not an approval line.
    static let maxLineCharacters = 200

    /// The first approval line of a plain-text body, if any.
    public static func find(in body: String) -> ApprovalLine? {
        for rawLine in body.split(whereSeparator: \.isNewline) where rawLine.count <= maxLineCharacters {
            let line = rawLine.trimmingWhitespace()
            let lower = line.lowercased()
            guard let label = labels.first(where: { lower.hasPrefix($0) }) else { continue }
            var rest = Substring(line.dropFirst(label.count))
            rest = Substring(rest.trimmingWhitespace())
            guard rest.first == ":" else { continue }
            rest = Substring(rest.dropFirst().trimmingWhitespace())
            // The date is the first word; a trailing full stop is allowed.
            var token = String(rest.prefix { !$0.isWhitespace })
            if token.hasSuffix(".") && token.count > 10 { token.removeLast() }
            if let date = CivilDate(text: token) { return ApprovalLine(date: date, line: line) }
        }
        return nil
    }
}
