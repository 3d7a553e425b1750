import Foundation

/// Turns a `PasswordSource` into a `Secret`. Reads the file or the environment only; errors
/// name the configuration key and say what to do, never the password.
public struct PasswordResolver: Sendable {
    /// Password files are tiny; anything bigger is not a password file.
    public static let maxFileBytes = 4096

    public var environment: [String: String]

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
        let attributes: [FileAttributeKey: Any]
        do {
            // Follows a symbolic link: the permissions that matter are the target's.
            attributes = try FileManager.default.attributesOfItem(
                atPath: URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
        } catch {
            throw .password(key: key, problem: "cannot read \(path): no such file or no permission")
        }
        guard (attributes[.type] as? FileAttributeType) == .typeRegular else {
            throw .password(key: key, problem: "\(path) is not a regular file")
        }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
        if mode & 0o077 != 0 {
            throw .password(key: key, problem: "\(path) can be read by other users (mode "
                + String(format: "%04o", mode) + "); make it private with: chmod 600 \(path)")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= Self.maxFileBytes else {
            throw .password(key: key, problem: "\(path) has \(size) bytes, more than a password file may have "
                + "(\(Self.maxFileBytes)); is it the right file?")
        }
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8)
        else {
            throw .password(key: key, problem: "cannot read \(path) as UTF-8 text")
        }
        // Editors and `echo` add a final line break; it is not part of the password.
        var password = Substring(text)
        while let last = password.last, last.isNewline { password = password.dropLast() }
        guard !password.isEmpty else {
            throw .password(key: key, problem: "\(path) is empty")
        }
        guard !password.contains(where: \.isNewline) else {
            throw .password(key: key, problem: "\(path) holds more than one line; it must hold the password only")
        }
        return Secret(String(password))
    }
}
