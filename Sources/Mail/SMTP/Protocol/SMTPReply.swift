/// One complete server reply (RFC 5321 §4.2): the code and the text of each line.
struct SMTPReply: Sendable, Equatable {
    var code: Int
    /// The text after "250-" / "250 " of every line, in order.
    var lines: [String]

    /// All lines joined by a space, as errors and `RecipientResult` quote them.
    var text: String { lines.joined(separator: " ") }
    /// "550 5.1.1 <x@kazguu.kz>: Recipient address rejected: User unknown"
    var summary: String { text.isEmpty ? "\(code)" : "\(code) \(text)" }
    var isPositive: Bool { (200..<300).contains(code) }
    /// 354 to DATA: "go ahead with the message".
    var isStartMailInput: Bool { code == 354 }
}
