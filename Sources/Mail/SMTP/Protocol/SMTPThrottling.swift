/// Whether a server reply means "you are sending too fast; come back later" rather than "this
/// message or address cannot be delivered". Pure: the reply text in, the answer out.
///
/// Throttling replies: `421` (service closing, what Exchange Online and Gmail send when a
/// client is over its rate), any `4xx` with an RFC 3463 enhanced code `4.7.x` (policy: rate
/// or recipient limits, e.g. `451 4.7.500`, `450 4.7.28`), `432 4.3.2` (system not accepting
/// messages) and `452 4.5.3` (too many recipients). A throttled message is not a failure: it
/// is sent again after a pause.
public enum SMTPThrottling {
    /// `reply` as quoted by `MailError` and `RecipientResult`: "451 4.7.500 Server busy …".
    public static func isThrottling(_ reply: String) -> Bool {
        let words = reply.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard let first = words.first, first.count >= 3, let code = Int(first.prefix(3)) else { return false }
        if code == 421 { return true }
        guard (400..<500).contains(code), words.count >= 2 else { return false }
        let enhanced = words[1].split(separator: ".")
        guard enhanced.count == 3, enhanced.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return false }
        switch (code, enhanced[0], enhanced[1], enhanced[2]) {
        case (_, "4", "7", _): return true
        case (432, "4", "3", "2"), (452, "4", "5", "3"): return true
        default: return false
        }
    }

    /// A recipient refused for now because of the pace, not the address.
    public static func isThrottling(_ result: RecipientResult) -> Bool {
        if case let .temporaryFailure(_, reply) = result { return isThrottling(reply) }
        return false
    }

    /// A whole message refused for now because of the pace (MAIL, DATA or the end of data).
    public static func isThrottling(_ error: MailError) -> Bool {
        if case let .messageRefused(_, reply) = error { return isThrottling(reply) }
        return false
    }
}
