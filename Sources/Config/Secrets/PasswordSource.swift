/// Where a password comes from: a file readable only by the service (`password_file`),
/// else an environment variable (`password_env`). The configuration file never holds one.
public struct PasswordSource: Sendable, Equatable {
    /// The environment variable holding the password (`*.password_env`).
    public var environmentVariable: String
    /// A file holding the password (`*.password_file`); takes precedence when set.
    /// Refused when group or others may read it.
    public var file: String?

    /// A password read from `environmentVariable`, or from `file` when that is set.
    public init(environmentVariable: String, file: String? = nil) {
        self.environmentVariable = environmentVariable
        self.file = file
    }
}
