extension CPDBotConfiguration {
    /// How often the bot may answer (`replies.*`): the brake that stops two bots from
    /// answering each other forever.
    public struct Replies: Sendable, Equatable {
        /// Replies to one sender in any hour; 0 means never reply.
        public var maxPerSenderPerHour: Int

        /// At most 5 replies to one sender per hour by default.
        public init(maxPerSenderPerHour: Int = 5) {
            self.maxPerSenderPerHour = maxPerSenderPerHour
        }
    }
}
