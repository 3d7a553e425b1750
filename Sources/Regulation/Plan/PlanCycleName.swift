/// Which academic year a Plan is for: a year named in the subject (`[PLAN] 2026-2027`), else
/// the year of its approval. Plans are approved in summer for the year that starts in
/// September; a supplement approved before June belongs to the year already running.
public enum PlanCycleName {
    /// The cycle of a Plan with `subject`, approved on `approval`; `applicationDeadline` is the
    /// day a cycle's year turns (`cycle.application_deadline`, 1 June).
    public static func of(subject: String?, approval: CivilDate, applicationDeadline: MonthDay) -> String {
        if let subject, let named = named(in: subject) { return named }
        let start = MonthDay(month: approval.month, day: approval.day).map { $0 >= applicationDeadline } == true
            ? approval.year : approval.year - 1
        return CyclePolicy.cycleName(startingIn: start)
    }

    /// `2026-2027`, `2026–2027` or `2026/2027` where the second year follows the first.
    public static func named(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index + 9 <= scalars.count {
            let window = scalars[index..<(index + 9)]
            let first = window.prefix(4), second = window.suffix(4)
            let separator = window[window.startIndex + 4]
            if first.allSatisfy(isDigit), second.allSatisfy(isDigit), ["-", "–", "/"].contains(separator),
               let a = Int(String(String.UnicodeScalarView(first))), let b = Int(String(String.UnicodeScalarView(second))),
               b == a + 1, (2000...2199).contains(a) {
                return CyclePolicy.cycleName(startingIn: a)
            }
            index += 1
        }
        return nil
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
