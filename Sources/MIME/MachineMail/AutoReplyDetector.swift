/// Recognises automatically generated replies that must never be answered (RFC 3834 and the
/// headers and subjects real clients use instead).
public enum AutoReplyDetector {
    /// Which header or subject marked the message as automatic.
    public enum Signal: Sendable, Equatable, CustomStringConvertible {
        case autoSubmitted(String)
        case xAutoreply
        case xAutorespond
        case precedence(String)
        case outOfOfficeSubject
        case exchangeOutOfOffice

        /// The signal as it is logged and shown in `autoReplySignals`.
        public var description: String {
            switch self {
            case let .autoSubmitted(v): return "Auto-Submitted: \(v)"
            case .xAutoreply: return "X-Autoreply"
            case .xAutorespond: return "X-Autorespond"
            case let .precedence(v): return "Precedence: \(v)"
            case .outOfOfficeSubject: return "out-of-office subject"
            case .exchangeOutOfOffice: return "Exchange out-of-office (X-Auto-Response-Suppress with an out-of-office subject)"
            }
        }
    }

    /// Out-of-office subject phrases (lowercased, matched anywhere in the subject).
    static let subjectPhrases = [
        "out of office", "out of the office", "automatic reply", "auto reply", "auto-reply", "autoreply",
        "autoresponse", "auto response", "vacation reply", "away from the office",
        "автоответ", "автоматический ответ", "нет на месте", "вне офиса", "меня нет в офисе",
        "автоматты жауап", "жауап автоматты", "автожауап", "кеңседе жоқпын", "орнымда жоқпын",
    ]

    /// Every auto-reply signal in the message; empty for mail a person wrote.
    public static func signals(_ header: HeaderSection) -> [Signal] {
        var found: [Signal] = []
        if let v = header.first("Auto-Submitted")?.text.lowercased().trimmingWhitespace(), !v.isEmpty,
           !(v == "no" || v.hasPrefix("no;") || v.hasPrefix("no ")) {
            found.append(.autoSubmitted(v))
        }
        if let v = header.first("X-Autoreply")?.text.lowercased().trimmingWhitespace(), v != "no" { found.append(.xAutoreply) }
        if let v = header.first("X-Autorespond")?.text.lowercased().trimmingWhitespace(), v != "no" { found.append(.xAutorespond) }
        if let v = header.first("Precedence")?.text.lowercased().trimmingWhitespace(),
           ["bulk", "junk", "list", "auto_reply", "auto-reply"].contains(v) {
            found.append(.precedence(v))
        }
        let subject = (header["Subject"] ?? "").lowercased()
        if subjectPhrases.contains(where: { mayContain(subject, $0) && subject.contains($0) }) {
            found.append(.outOfOfficeSubject)
            if header.first("X-Auto-Response-Suppress") != nil { found.append(.exchangeOutOfOffice) }
        }
        return found
    }

    /// False only when `subject` cannot contain `phrase` as characters: for a phrase whose
    /// letters no other character sequence equals (`byteMatchable`), a match needs its exact
    /// bytes. Swift's character search is slow, and every message's subject is searched for
    /// twenty phrases.
    static func mayContain(_ subject: String, _ phrase: String) -> Bool {
        guard byteMatchable(phrase) else { return true }
        let needle = Array(phrase.utf8)
        var subject = subject
        return subject.withUTF8 { haystack in
            guard let first = needle.first, needle.count <= haystack.count else { return false }
            var index = 0
            while index <= haystack.count - needle.count {
                if haystack[index] == first, needle.indices.allSatisfy({ haystack[index + $0] == needle[$0] }) { return true }
                index += 1
            }
            return false
        }
    }

    /// Lower-case ASCII letters, space, `-` and the lower-case Russian and Kazakh letters that
    /// have no decomposition (not й, ё, ў…): the only character canonically equal to each is itself,
    /// and lowercasing removed the one singleton that maps onto one of them (KELVIN SIGN → k).
    static func byteMatchable(_ phrase: String) -> Bool {
        phrase.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x61...0x7A, 0x20, 0x2D: return true
            case 0x430...0x44F: return scalar.value != 0x439
            case 0x456, 0x493, 0x49B, 0x4A3, 0x4AF, 0x4B1, 0x4BB, 0x4D9, 0x4E9: return true
            default: return false
            }
        }
    }

    /// True when any signal is present: the bot must not answer (RFC 3834 §2).
    public static func isAutoReply(_ header: HeaderSection) -> Bool { !signals(header).isEmpty }
}
