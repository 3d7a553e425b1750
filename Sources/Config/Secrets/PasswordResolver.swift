public import Foundation

/// Turns a `PasswordSource` into a `Secret`. Reads the file or the environment only; errors
/// name the configuration key and say what to do, never the password.
public struct PasswordResolver: Sendable {
    /// Password files are tiny; anything bigger is not a password file.
    public static let maxFileBytes = 4096

    /// The variables `*_password_env` names are looked up in.
    public var environment: [String: String]

    /// A resolver reading `environment` (the process's by default).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// - Parameter section: the configuration section the source belongs to (`imap`, `smtp`),
    ///   used to name the key in errors.
    public func resolve(_ source: PasswordSource, section: String) throws(ConfigurationError) -> Secret {
        if let file = source.file {
            return try readFile(file, key: "\(section).password_file")
        }
        if let credential = credentialFile(section: section) {
            return try readFile(credential, key: "\(section).password_file")
        }
        let key = "\(section).password_env"
        guard let value = environment[source.environmentVariable] else {
            throw .password(key: key, problem: "the environment variable \(source.environmentVariable) is not set; "
                + "set it, or set \(section).password_file to a file that holds the password")
        }
        guard !value.isEmpty else {
            throw .password(key: key, problem: "the environment variable \(source.environmentVariable) is empty")
        }
        return Secret(value)
    }

    /// Under systemd, `LoadCredential=<section>-password:/etc/cpdbot/<section>-password` puts
    /// the password into `$CREDENTIALS_DIRECTORY/<section>-password`, readable by the service
    /// only; it is used when no `password_file` is configured.
    public func credentialFile(section: String) -> String? {
        guard let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty else { return nil }
        let path = directory + "/" + Self.credentialName(section: section)
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// `imap-password`, `smtp-password`: the credential names the unit passes.
    public static func credentialName(section: String) -> String { "\(section)-password" }

    private func readFile(_ path: String, key: String) throws(ConfigurationError) -> Secret {
        try SecretFile(environment: environment).readLine(path, key: key, maxBytes: Self.maxFileBytes, noun: "password")
    }
}
