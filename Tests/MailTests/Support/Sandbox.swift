import Curl
import Foundation
import Testing
import TestSupport
@testable import Mail

/// The project's real mail sandbox (scripts/mail-sandbox up): Dovecot and Postfix on 127.0.0.1.
///
/// Found through CPDBOT_SANDBOX_DIR, else <repo>/var/mail-sandbox. Integration tests are skipped
/// only when the variable is unset and no sandbox answers at the default folder; a set variable that
/// points at a broken sandbox makes them fail, with the reason.
struct Sandbox {
    let directory: URL
    let password: String
    var caFile: String { directory.appendingPathComponent("ca.pem").path }

    static let imapsURL = "imaps://127.0.0.1:10993/"
    static let imapURL = "imap://127.0.0.1:10143/"
    static let submissionURL = "smtp://127.0.0.1:10587/kazguu.kz"

    static var configuredDirectory: URL? {
        if let path = ProcessInfo.processInfo.environment["CPDBOT_SANDBOX_DIR"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let repo = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let fallback = repo.appendingPathComponent("var/mail-sandbox")
        // The folder outlives `mail-sandbox down`: only a sandbox that answers counts.
        return FileManager.default.fileExists(atPath: fallback.path) && SandboxProbe.isListening() ? fallback : nil
    }

    /// For `.enabled(if:)`.
    static var isConfigured: Bool { configuredDirectory != nil }

    static let skipMessage: Comment = """
        mail sandbox not found: CPDBOT_SANDBOX_DIR is unset and no sandbox of <repo>/var/mail-sandbox \
        answers on 127.0.0.1 (start one with scripts/mail-sandbox up, or export CPDBOT_SANDBOX_DIR)
        """

    struct Unusable: Error, CustomStringConvertible { var description: String }

    static func open() throws -> Sandbox {
        guard let directory = configuredDirectory else { throw Unusable(description: "\(skipMessage)") }
        let passwordFile = directory.appendingPathComponent("password")
        guard let data = FileManager.default.contents(atPath: passwordFile.path),
            let text = String(data: data, encoding: .utf8)
        else {
            throw Unusable(description: "mail sandbox at \(directory.path) has no readable password file; run scripts/mail-sandbox up")
        }
        return Sandbox(directory: directory, password: text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func settings(user: String, url: String = Sandbox.imapsURL, password: String? = nil, caFile: String? = nil) -> ConnectionSettings {
        ConnectionSettings(url: url, user: user, password: password ?? self.password, caFile: caFile ?? self.caFile,
                           responseTimeout: .seconds(30))
    }

    func imap(_ user: String, limits: IMAPLimits = IMAPLimits()) throws -> IMAPClient {
        try IMAPClient(settings: settings(user: user), limits: limits)
    }

    /// Waits (up to `seconds`) for Postfix → LMTP → Dovecot to deliver the message with
    /// `messageID` to `user`'s INBOX, then returns its body as IMAP gives it.
    func deliveredBody(to user: String, messageID: String, seconds: Double = 10) throws -> Data? {
        let client = try imap(user)
        defer { client.logout() }
        for _ in 0..<Int(seconds * 10) {
            try client.select("INBOX")
            let found = try client.searchUIDs(header: "Message-ID", value: "<\(messageID)>")
            if !found.isEmpty {
                var body: Data?
                try client.fetch(uids: found) { body = $0.body }
                return body
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return nil
    }

    /// Empties every folder of `user` over IMAP and deletes all folders but INBOX, so each test
    /// starts from a known mailbox without depending on the script's location.
    func reset(_ user: String) throws {
        let client = try imap(user)
        defer { client.logout() }
        var folders: [String] = []
        try client.run(IMAPCommand("LIST \"\" \"*\"")) { response in
            if case .other("LIST", let values) = response, let name = values.last?.text { folders.append(name) }
        }
        // Children first; a parent that only existed as a path may vanish with its last child.
        for folder in folders.sorted(by: { $0.count > $1.count }) where folder.uppercased() != "INBOX" {
            do {
                try client.run(IMAPCommand("DELETE \(try IMAPSyntax.quoted(folder))"))
            } catch {
                if error.responseCode != "NONEXISTENT" { throw error }
            }
        }
        try client.select("INBOX")
        if !(try client.searchUIDs("ALL")).isEmpty {
            try client.run(IMAPCommand("UID STORE 1:* +FLAGS.SILENT (\\Deleted)"))
            try client.run(IMAPCommand("EXPUNGE"))
        }
    }
}

/// Test messages with a known Message-ID and size.
enum TestMessage {
    static func make(id: String, subject: String = "test", bodyBytes: Int = 200, to: String = "hr-intake@kazguu.kz") -> Data {
        var text = "From: Test Sender <sender@kazguu.kz>\r\nTo: <\(to)>\r\nSubject: \(subject)\r\n"
        text += "Message-ID: <\(id)>\r\nDate: Wed, 25 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
        text += "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        var data = Data(text.utf8)
        // 76-character lines, like base64 bodies.
        let line = Data((String(repeating: "0123456789abcdefghij", count: 4).prefix(76) + "\r\n").utf8)
        data.reserveCapacity(data.count + bodyBytes + line.count)
        while data.count < text.utf8.count + bodyBytes { data.append(line) }
        return data
    }
}
