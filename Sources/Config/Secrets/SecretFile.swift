public import Foundation

/// Reads a secret from a file only the service can read: a password, a client secret, a
/// private key, a service account key. Errors name the configuration key and the path and say
/// what to do; they never hold the content.
///
/// systemd credentials (`LoadCredential=`, `SetCredentialEncrypted=`): when
/// `$CREDENTIALS_DIRECTORY` is set, a relative path is looked up there first, then relative to
/// the working directory.
public struct SecretFile: Sendable {
    /// The environment, for `$CREDENTIALS_DIRECTORY` (systemd credentials).
    public var environment: [String: String]

    /// A reader using `environment` (the process's by default).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Where `path` is read from: under `$CREDENTIALS_DIRECTORY` when it is relative and there.
    public func location(of path: String) -> String {
        guard !path.hasPrefix("/"), let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty else {
            return path
        }
        let candidate = URL(fileURLWithPath: directory).appendingPathComponent(path).path
        return FileManager.default.fileExists(atPath: candidate) ? candidate : path
    }

    /// The file's bytes. Refused: a missing file, a non-regular one, one that group or others
    /// may read, one over `maxBytes`.
    /// `noun` names the kind of file in messages ("password", "client secret", "private key").
    public func read(_ path: String, key: String, maxBytes: Int, noun: String = "secret") throws(ConfigurationError) -> Data {
        let location = location(of: path)
        let attributes: [FileAttributeKey: Any]
        do {
            // Follows a symbolic link: the permissions that matter are the target's.
            attributes = try FileManager.default.attributesOfItem(
                atPath: URL(fileURLWithPath: location).resolvingSymlinksInPath().path)
        } catch {
            throw .password(key: key, problem: "cannot read \(location): no such file or no permission")
        }
        guard (attributes[.type] as? FileAttributeType) == .typeRegular else {
            throw .password(key: key, problem: "\(location) is not a regular file")
        }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
        if mode & 0o077 != 0 {
            throw .password(key: key, problem: "\(location) can be read by other users (mode "
                + String(format: "%04o", mode) + "); make it private with: chmod 600 \(location)")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxBytes else {
            throw .password(key: key, problem: "\(location) has \(size) bytes, more than a \(noun) file may have "
                + "(\(maxBytes)); is it the right file?")
        }
        guard let data = FileManager.default.contents(atPath: location) else {
            throw .password(key: key, problem: "cannot read \(location): no permission")
        }
        return data
    }

    /// A one-line secret (a password, a client secret): the file's text without its final
    /// line break, which editors and `echo` add.
    public func readLine(_ path: String, key: String, maxBytes: Int = 4096, noun: String = "secret") throws(ConfigurationError) -> Secret {
        let data = try read(path, key: key, maxBytes: maxBytes, noun: noun)
        guard let text = String(data: data, encoding: .utf8) else {
            throw .password(key: key, problem: "cannot read \(location(of: path)) as UTF-8 text")
        }
        var line = Substring(text)
        while let last = line.last, last.isNewline { line = line.dropLast() }
        guard !line.isEmpty else { throw .password(key: key, problem: "\(location(of: path)) is empty") }
        guard !line.contains(where: \.isNewline) else {
            throw .password(key: key, problem: "\(location(of: path)) holds more than one line; it must hold the \(noun) only")
        }
        return Secret(String(line))
    }
}

extension SecretFile {
    /// A file that is not secret (a certificate): any mode, but it must exist, be a regular
    /// file and not be larger than `maxBytes`. `$CREDENTIALS_DIRECTORY` applies as for secrets.
    public func readPublic(_ path: String, key: String, maxBytes: Int) throws(ConfigurationError) -> Data {
        let location = location(of: path)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: URL(fileURLWithPath: location).resolvingSymlinksInPath().path),
              (attributes[.type] as? FileAttributeType) == .typeRegular
        else { throw .password(key: key, problem: "cannot read \(location): no such file or no permission") }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxBytes, let data = FileManager.default.contents(atPath: location) else {
            throw .password(key: key, problem: "cannot read \(location), or it has more than \(maxBytes) bytes")
        }
        return data
    }
}
