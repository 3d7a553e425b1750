/// The outcome of one `SMTPClient.send`.
public struct SendReport: Sendable, Equatable {
    /// Keyed by the address exactly as passed to `send`.
    public var perRecipient: [String: RecipientResult]

    public var accepted: [String] { perRecipient.filter { $0.value.isAccepted }.keys.sorted() }
    public var refused: [String] { perRecipient.filter { !$0.value.isAccepted }.keys.sorted() }
}
