import Foundation

/// Whether DSHR's reply confirms a preview: a confirming word in what DSHR wrote, not in the
/// preview quoted below it (the preview itself names the words).
enum PlanConfirmation {
    static let words = ["confirm", "confirmed", "растаймын", "расталды", "подтверждаю", "подтверждено", "подтверждается"]

    static let negations = ["not", "no", "don", "dont", "never", "wait", "не", "нет", "емес", "жоқ", "растамаймын", "күте"]

    /// Lines that start the quoted original in Outlook, Thunderbird, Gmail and the Russian and
    /// Kazakh versions of them.
    static let quoteStarts = ["-----original message-----", "-----исходное сообщение-----", "________________",
                              "from:", "от:", "кімнен:", "sent:", "отправлено:"]

    static func confirms(_ body: String) -> Bool {
        let written = ownText(body).lowercased()
        let tokens = written.split { !$0.isLetter }.map(String.init)
        // "do not confirm yet", "не подтверждаю", "растамаймын" is not a confirmation.
        guard !tokens.contains(where: { negations.contains($0) }) else { return false }
        return tokens.contains { words.contains($0) }
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
