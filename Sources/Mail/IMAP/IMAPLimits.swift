/// Every bound the IMAP client applies, with safe defaults.
public struct IMAPLimits: Sendable, Equatable {
    /// Messages larger than this are not downloaded: the fetch reports `.tooLarge` with the
    /// size, and the message stays on the server.
    public var maxMessageBytes: Int
    /// Longest response line outside literals (a `UID SEARCH` of 100,000 UIDs is ~700 KB).
    public var maxLineBytes: Int
    /// UIDs per `UID FETCH` command; bounds command length, not memory (bodies stream).
    public var fetchBatchSize: Int
    /// IDLE is re-issued at least this often (RFC 2177: servers may drop it after 30 min).
    public var maxIdle: Duration

    /// The defaults suit every server cpdbot has met; `maxMessageBytes` follows `limits.max_message_bytes`.
    public init(
        maxMessageBytes: Int = 64 * 1024 * 1024, maxLineBytes: Int = 8 * 1024 * 1024,
        fetchBatchSize: Int = 200, maxIdle: Duration = .seconds(25 * 60)
    ) {
        self.maxMessageBytes = maxMessageBytes
        self.maxLineBytes = maxLineBytes
        self.fetchBatchSize = max(1, fetchBatchSize)
        self.maxIdle = maxIdle
    }
}
