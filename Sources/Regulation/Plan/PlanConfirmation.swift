import Foundation

/// Whether DSHR's reply confirms a preview: a confirming word in what DSHR wrote, not in the
/// preview quoted below it (the preview itself names the words).
public enum PlanConfirmation {
    static let words = ["confirm", "confirmed", "растаймын", "расталды", "подтверждаю", "подтверждено", "подтверждается"]

    static let negations: Set<String> = ["not", "don't", "don’t", "dont", "never", "не", "емес"]
    /// Words that hold the announcement back wherever they stand.
    static let blockers: Set<String> = ["растамаймын", "wait", "подождите", "погодите", "күтіңіз", "тоқтатыңыз"]
    static let notYet = ["not yet", "пока нет", "пока не", "әлі жоқ", "әзірге жоқ"]

    /// Lines that start the quoted original in Outlook, Thunderbird, Gmail and the Russian and
    /// Kazakh versions of them.
    static let quoteStarts = ["-----original message-----", "-----исходное сообщение-----", "________________",
                              "from:", "от:", "кімнен:", "sent:", "отправлено:"]

    /// True when `body` (the reply's plain text) confirms in DSHR's own words.
    public static func confirms(_ body: String) -> Bool {
        let written = ownText(body).lowercased()
        // Apostrophes stay inside words so that "don't" is one token.
        let tokens = written.split { !$0.isLetter && $0 != "'" && $0 != "’" }.map(String.init)
        guard !tokens.contains(where: { blockers.contains($0) }) else { return false }
        let joined = tokens.joined(separator: " ")
        guard !notYet.contains(where: { joined.contains($0) }) else { return false }
        // A confirming word counts unless one of the two words before it negates it
        // ("do not confirm", "не подтверждаю", "do not yet confirm"); "нет замечаний, подтверждаю" confirms.
        return tokens.indices.contains { index in
            words.contains(tokens[index]) && !tokens[max(0, index - 2)..<index].contains { negations.contains($0) }
        }
    }

    /// The part above the quoted message, without `>` lines.
    static func ownText(_ body: String) -> String {
        var lines: [Substring] = []
        for line in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces).lowercased()
            if quoteStarts.contains(where: { trimmed.hasPrefix($0) }) { break }
            // "On Mon, 6 Jul 2026 at 10:00, X wrote:" and "… жазды:" / "… написал(а):"
            if trimmed.hasSuffix("wrote:") || trimmed.hasSuffix("написал:") || trimmed.hasSuffix("написал(а):")
                || trimmed.hasSuffix("жазды:") { break }
            if trimmed.hasPrefix(">") { continue }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
