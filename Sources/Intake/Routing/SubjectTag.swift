import Foundation

/// Finds a DSHR command tag (`[PLAN]`, `[ТІЗІМ]`, …) in a subject.
///
/// The tag may stand anywhere (`Fwd: [PLAN] 2026-2027`, `Жоспар [ЖОСПАР]`), in any case, with
/// spaces inside the brackets. Kazakh letters are often typed with their Russian or Latin
/// look-alikes on keyboards without a Kazakh layout (`[ТIЗIМ]` with a Latin I, `[КОРЫТЫНДЫ]`),
/// so both sides are compared after folding those letters together.
public enum SubjectTag {
    /// The command of the first recognised tag, or nil.
    public static func command(in subject: String) -> DSHRCommand? {
        for candidate in bracketed(subject) {
            let folded = fold(candidate)
            for command in DSHRCommand.allCases where command.tags.contains(where: { fold($0) == folded }) {
                return command
            }
        }
        return nil
    }

    /// The texts between `[` and `]`, trimmed, in order.
    static func bracketed(_ subject: String) -> [String] {
        var result: [String] = []
        var current: String?
        for character in subject {
            switch character {
            case "[", "［":
                current = ""
            case "]", "］":
                if let text = current { result.append(text.trimmingCharacters(in: .whitespaces)) }
                current = nil
            default:
                current?.append(character)
            }
        }
        return result
    }

    /// Upper case with Kazakh-specific letters mapped to the Russian/Latin letters typed instead.
    static func fold(_ text: String) -> String {
        let map: [Character: Character] = [
            "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "Һ": "Х",
            "І": "I", "Ӏ": "I", "Ё": "Е",
        ]
        return String(text.uppercased().map { map[$0] ?? $0 })
    }
}
