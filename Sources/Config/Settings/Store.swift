extension CPDBotConfiguration {
    /// Where the bot keeps its files (`store.*`). Relative paths are relative to the
    /// working directory.
    public struct Store: Sendable, Equatable {
        public var path: String

        public init(path: String = "var/store") {
            self.path = path
        }
    }
}
