extension CPDBotConfiguration {
    /// How often the bot may answer (`replies.*`): the brake that stops two bots from
    /// answering each other forever.
    public struct Replies: Sendable, Equatable {
        /// Replies to one sender in any hour; 0 means never reply.
        public var maxPerSenderPerHour: Int
        /// `replies.receipt_listed_rows`: at most this many people a receipt lists by name in
        /// each of its lists (taken, added, removed, changed); the rest are counted in words.
        /// A head reads 25 names; 1,000 are their own file read back to them.
        public var receiptListedRows: Int

        /// At most 5 replies to one sender per hour and 25 names per receipt list by default.
        public init(maxPerSenderPerHour: Int = 5, receiptListedRows: Int = 25) {
            self.maxPerSenderPerHour = maxPerSenderPerHour
            self.receiptListedRows = receiptListedRows
        }
    }
}
