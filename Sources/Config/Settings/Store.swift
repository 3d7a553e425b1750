extension CPDBotConfiguration {
    /// Where the bot keeps its files (`store.*`). Relative paths are relative to the
    /// working directory.
    public struct Store: Sendable, Equatable {
        /// The store's directory (`store.path`); relative paths are from the working directory.
        public var path: String

        /// The development default, `var/store`.
        public init(path: String = "var/store") {
            self.path = path
        }
    }
}
