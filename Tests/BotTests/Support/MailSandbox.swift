import Config
import Curl
import Foundation
import TestSupport
import Mail
import Testing

/// The project's mail sandbox (scripts/mail-sandbox), as the bot's integration tests use it:
/// real Dovecot and Postfix on 127.0.0.1. Found through CPDBOT_SANDBOX_DIR, else
/// <repo>/var/mail-sandbox when a sandbox answers there; the tests are skipped only when neither is found.
struct MailSandbox {
    /// Held by every test that resets or reads the sample corpus's own mailboxes
    /// (`a.seitkali@`, `dshr@`, …): suites run side by side, and one suite's reset must not
    /// empty another's replies. Tests that need no sample address use mailboxes of their own.
    static func withSampleMailboxes<T>(_ body: () throws -> T) rethrows -> T {
        try sampleMailboxesLock.withLock(body)
    }
    private static let sampleMailboxesLock = NSLock()

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var directory: URL? {
        if let path = ProcessInfo.processInfo.environment["CPDBOT_SANDBOX_DIR"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let fallback = repository.appendingPathComponent("var/mail-sandbox")
        // The folder outlives `mail-sandbox down`: only a sandbox that answers counts.
        return FileManager.default.fileExists(atPath: fallback.appendingPathComponent("password").path)
            && SandboxProbe.isListening() ? fallback : nil
    }

    static var isAvailable: Bool { directory != nil }

    let directory: URL
    var passwordFile: String { directory.appendingPathComponent("password").path }
    var caFile: String { directory.appendingPathComponent("ca.pem").path }

    init() throws {
        directory = try #require(Self.directory, "mail sandbox not found: run scripts/mail-sandbox up")
    }

    var password: String {
        get throws {
            try String(contentsOfFile: passwordFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// Runs scripts/mail-sandbox with the given arguments; fails the test on a non-zero exit.
    func script(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = Self.repository.appendingPathComponent("scripts/mail-sandbox")
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["CPDBOT_SANDBOX_DIR"] = directory.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "mail-sandbox \(arguments.prefix(2)) failed: \(text)")
    }

    func reset(_ users: [String]) throws { try script(["reset"] + users) }

    /// Stores the files in `user`'s INBOX. `asDated`: each is received (INTERNALDATE) at the
    /// time its `Date:` header names, as the corpus records it; otherwise now.
    func deliver(_ files: [URL], to user: String, asDated: Bool = true) throws {
        try script(["deliver"] + (asDated ? ["--as-dated"] : []) + [user] + files.map(\.path))
    }

    func imap(_ user: String) throws -> IMAPClient {
        try IMAPClient(settings: ConnectionSettings(url: "imaps://127.0.0.1:10993/", user: user, password: try password,
                                                   caFile: caFile, responseTimeout: .seconds(30)))
    }

    /// The Message-IDs in `folder` of `user` (an empty list when the folder does not exist).
    func messageIDs(of user: String, in folder: String) throws -> [String] {
        let client = try imap(user)
        defer { client.logout() }
        do {
            _ = try client.select(folder, readOnly: true)
        } catch {
            return []
        }
        var ids: [String] = []
        let uids = try client.searchUIDs("ALL")
        guard !uids.isEmpty else { return [] }
        try client.fetch(uids: uids) { message in
            guard let body = message.body else { return }
            ids.append(Self.header("Message-ID", in: body) ?? "")
        }
        return ids
    }

    /// The raw messages in `folder` of `user`.
    func messages(of user: String, in folder: String = "INBOX") throws -> [Data] {
        let client = try imap(user)
        defer { client.logout() }
        _ = try client.select(folder, readOnly: true)
        let uids = try client.searchUIDs("ALL")
        var bodies: [Data] = []
        guard !uids.isEmpty else { return [] }
        try client.fetch(uids: uids) { message in
            if let body = message.body { bodies.append(body) }
        }
        return bodies
    }

    /// A configuration for a bot whose mailbox is `botUser` and whose store is `store`.
    func configuration(botUser: String = "hr-intake@kazguu.kz", store: URL) -> CPDBotConfiguration {
        var configuration = CPDBotConfiguration()
        configuration.imap.user = botUser
        configuration.imap.password = PasswordSource(environmentVariable: "CPDBOT_TEST_UNUSED", file: passwordFile)
        configuration.smtp.user = botUser
        configuration.smtp.password = PasswordSource(environmentVariable: "CPDBOT_TEST_UNUSED", file: passwordFile)
        configuration.tls.caFile = caFile
        configuration.bot.address = botUser
        configuration.store.path = store.path
        configuration.certificates = MailSandbox.sampleCertificates
        return configuration
    }

    /// The sample certificate images by absolute path (tests do not depend on the directory they run in).
    static var sampleCertificates: CPDBotConfiguration.Certificates {
        let images = repository.appendingPathComponent("Tests/Fixtures/certificate")
        return CPDBotConfiguration.Certificates(
            signatureImage: images.appendingPathComponent("signature.png").path,
            stampImage: images.appendingPathComponent("stamp.png").path,
            logoImage: images.appendingPathComponent("logo.png").path)
    }

    /// Polls `condition` until it holds or `seconds` pass (mail goes through Postfix's queue).
    func waitUntil(seconds: Double, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.25)
        }
    }

    /// A header's value from raw bytes (unfolded), for assertions.
    static func header(_ name: String, in raw: Data) -> String? {
        RawMessage.header(name, in: raw)
    }
}
