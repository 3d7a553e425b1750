/// The outcome of one `SMTPClient.send`.
public struct SendReport: Sendable, Equatable {
    /// Keyed by the address exactly as passed to `send`.
    public var perRecipient: [String: RecipientResult]

    /// A report of what the server answered for each recipient (a fake server in tests builds one too).
    public init(perRecipient: [String: RecipientResult]) {
        self.perRecipient = perRecipient
    }

    /// The recipients the server took, sorted.
    public var accepted: [String] { perRecipient.filter { $0.value.isAccepted }.keys.sorted() }
    /// The recipients the server refused (for now or for good), sorted.
    public var refused: [String] { perRecipient.filter { !$0.value.isAccepted }.keys.sorted() }
}
