/// One problem with one configuration key, named by its full name (`imap.url`) and where
/// the value came from (a file's line, or an environment variable).
public struct ConfigurationIssue: Sendable, Equatable, CustomStringConvertible {
    /// The key's full name, e.g. `imap.url` or `poll_interval_seconds`.
    public var key: String
    /// What is wrong and, where it helps, what to write instead.
    public var problem: String
    /// Where the value came from, e.g. `config/cpdbot.yml, line 3` or `CPDBOT_IMAP_URL`.
    public var origin: String?

    /// An issue with `key`; `origin` says where the value came from (file, variable).
    public init(key: String, problem: String, origin: String? = nil) {
        self.key = key
        self.problem = problem
        self.origin = origin
    }

    /// `key: problem (origin)`, the form the loader prints.
    public var description: String {
        origin.map { "\(key): \(problem) (\($0))" } ?? "\(key): \(problem)"
    }
}
