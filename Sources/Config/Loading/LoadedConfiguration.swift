/// A configuration and what the loader wants the operator to know about it.
public struct LoadedConfiguration: Sendable, Equatable {
    /// The configuration, checked and ready to use.
    public var configuration: CPDBotConfiguration
    /// The file it was read from; `nil` when there was none (defaults and environment only).
    public var file: String?
    /// Remarks that are not errors, e.g. "no config file; using defaults" or an environment
    /// variable that looks like a mistyped key. Print them to stderr.
    public var notes: [String]

    /// The loader's result.
    public init(configuration: CPDBotConfiguration, file: String?, notes: [String]) {
        self.configuration = configuration
        self.file = file
        self.notes = notes
    }
}
