import Foundation
import Testing
@testable import Config

@Suite struct SecretTests {
    static let password = "Zq8-very-secret-4711"

    @Test func secretNeverShowsItself() {
        let secret = Secret(Self.password)
        var dumped = ""
        dump(secret, to: &dumped)
        let renderings = [
            secret.description, secret.debugDescription, "\(secret)", String(describing: secret),
            String(reflecting: secret), dumped, "\([secret])", "\(Optional(secret) as Any)",
        ]
        for rendering in renderings {
            #expect(!rendering.contains(Self.password), "leaked: \(rendering)")
            #expect(!rendering.contains("Zq8"), "partly leaked: \(rendering)")
        }
        #expect(secret.reveal() == Self.password)
        #expect(Mirror(reflecting: secret).children.isEmpty)
    }

    @Test(arguments: ["imap: { password: hunter2 }", "smtp:\n  password: hunter2", "imap: { pass: hunter2 }"])
    func passwordKeysAreRefusedWithoutEchoingThem(_ yaml: String) {
        let found = issues(yaml)
        #expect(found.count == 1)
        #expect(found.first?.contains("passwords are never read from the configuration file; use ") == true)
        #expect(found.first?.contains("password_env") == true && found.first?.contains("password_file") == true)
        #expect(found.first?.contains("hunter2") == false)
    }

    @Test func environmentVariableIsResolved() throws {
        let resolver = PasswordResolver(environment: ["CPDBOT_IMAP_PASSWORD": Self.password])
        let secret = try resolver.resolve(PasswordSource(environmentVariable: "CPDBOT_IMAP_PASSWORD"), section: "imap")
        #expect(secret.reveal() == Self.password)
    }

    @Test(arguments: [
        ([String: String](), "imap.password_env: the environment variable CPDBOT_IMAP_PASSWORD is not set; set it, or set imap.password_file to a file that holds the password"),
        (["CPDBOT_IMAP_PASSWORD": ""], "imap.password_env: the environment variable CPDBOT_IMAP_PASSWORD is empty"),
    ])
    func missingEnvironmentVariableIsExplained(_ environment: [String: String], _ message: String) {
        #expect(throws: ConfigurationError.self) {
            _ = try PasswordResolver(environment: environment).resolve(PasswordSource(environmentVariable: "CPDBOT_IMAP_PASSWORD"), section: "imap")
        }
        do {
            _ = try PasswordResolver(environment: environment).resolve(PasswordSource(environmentVariable: "CPDBOT_IMAP_PASSWORD"), section: "imap")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test(arguments: ["\(password)\n", "\(password)\r\n", password])
    func privateFileIsResolvedWithoutItsLineBreak(_ content: String) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try writeFile(content, named: "pw", in: directory, mode: 0o600)
        // The file wins over the environment variable.
        let resolver = PasswordResolver(environment: ["CPDBOT_SMTP_PASSWORD": "from-env"])
        let secret = try resolver.resolve(PasswordSource(environmentVariable: "CPDBOT_SMTP_PASSWORD", file: path), section: "smtp")
        #expect(secret.reveal() == Self.password)
    }

    struct FileCase: Sendable, CustomTestStringConvertible {
        var content: String
        var mode: Int
        var expected: String  // the message, with PATH for the file's path
        var testDescription: String { expected }
    }

    static let refusedFiles: [FileCase] = [
        FileCase(content: password, mode: 0o644, expected: "smtp.password_file: PATH can be read by other users (mode 0644); make it private with: chmod 600 PATH"),
        FileCase(content: password, mode: 0o640, expected: "smtp.password_file: PATH can be read by other users (mode 0640); make it private with: chmod 600 PATH"),
        FileCase(content: password, mode: 0o604, expected: "smtp.password_file: PATH can be read by other users (mode 0604); make it private with: chmod 600 PATH"),
        FileCase(content: "\n", mode: 0o600, expected: "smtp.password_file: PATH is empty"),
        FileCase(content: "one\ntwo\n", mode: 0o600, expected: "smtp.password_file: PATH holds more than one line; it must hold the password only"),
        FileCase(content: String(repeating: "x", count: 5000), mode: 0o600,
                 expected: "smtp.password_file: PATH has 5000 bytes, more than a password file may have (4096); is it the right file?"),
    ]

    @Test(arguments: refusedFiles)
    func unsafeOrBrokenFilesAreRefused(_ row: FileCase) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try writeFile(row.content, named: "pw", in: directory, mode: row.mode)
        do {
            _ = try PasswordResolver(environment: [:]).resolve(PasswordSource(environmentVariable: "X", file: path), section: "smtp")
            Issue.record("accepted: \(row.expected)")
        } catch {
            #expect(error.description == row.expected.replacingOccurrences(of: "PATH", with: path))
            #expect(!error.description.contains(Self.password))
        }
    }

    @Test func missingFileAndDirectoryAreRefused() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("nope").path
        for (path, message) in [
            (missing, "smtp.password_file: cannot read \(missing): no such file or no permission"),
            (directory.path, "smtp.password_file: \(directory.path) is not a regular file"),
        ] {
            #expect(throws: ConfigurationError.password(key: "smtp.password_file", problem: String(message.dropFirst("smtp.password_file: ".count)))) {
                _ = try PasswordResolver(environment: [:]).resolve(PasswordSource(environmentVariable: "X", file: path), section: "smtp")
            }
        }
    }
}

@Suite struct ConfiguredPasswordTests {
    /// The whole path: a config naming a password file and an environment variable.
    @Test func passwordsComeFromTheConfiguredSources() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try writeFile("imap-secret\n", named: "imap.pw", in: directory, mode: 0o600)
        let yaml = "imap: { password_file: \(path) }\nsmtp: { password_env: MY_SMTP_PW }\n"
        let environment = ["MY_SMTP_PW": "smtp-secret", "CPDBOT_IMAP_PASSWORD": "not-this-one"]
        let configuration = try load(yaml, environment: environment).configuration
        #expect(try configuration.imapPassword(environment: environment).reveal() == "imap-secret")
        #expect(try configuration.smtpPassword(environment: environment).reveal() == "smtp-secret")
        #expect(!"\(configuration)".contains("secret"))
    }
}
