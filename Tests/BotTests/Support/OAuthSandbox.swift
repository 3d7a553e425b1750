import Config
import Foundation
import Testing

/// The mail sandbox's OAuth2 side (branch sandbox-oauth): the token endpoint on
/// https://127.0.0.1:10443 (any path ending in /token) and Dovecot's oauth2 passdb, with the
/// files under `<sandbox>/oauth/`. Tests register clients of their own in `clients.json`
/// (re-read by the endpoint at every request) and remove them afterwards.
struct OAuthSandbox {
    static let tokenURL = "https://127.0.0.1:10443/kazguu-sandbox/oauth2/v2.0/token"

    static var isAvailable: Bool {
        guard let directory = MailSandbox.directory else { return false }
        return FileManager.default.fileExists(atPath: directory.appendingPathComponent("oauth/clients.json").path)
    }

    enum Grant: String, CaseIterable, Sendable {
        case clientSecret, certificate, serviceAccount
    }

    let sandbox: MailSandbox
    var directory: URL { sandbox.directory.appendingPathComponent("oauth") }
    var registry: URL { directory.appendingPathComponent("clients.json") }

    init() throws {
        sandbox = try MailSandbox()
    }

    private func clients() throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: registry)) as? [String: Any]
        return try #require(object?["clients"] as? [[String: Any]])
    }

    private func save(_ clients: [[String: Any]]) throws {
        var object = (try JSONSerialization.jsonObject(with: Data(contentsOf: registry)) as? [String: Any]) ?? [:]
        object["clients"] = clients
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        let temporary = directory.appendingPathComponent(".clients-\(UUID().uuidString).json")
        FileManager.default.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600])
        // rename(2): the endpoint reads either the old file or the new one, never half of one.
        try #require(rename(temporary.path, registry.path) == 0, "cannot rename \(temporary.path): errno \(errno)")
    }

    /// Read, change, write under an exclusive flock(2) on `clients.json.lock`, so that suites
    /// running at the same time do not lose each other's changes.
    private func change(_ body: ([[String: Any]]) throws -> [[String: Any]]) throws {
        let lockPath = directory.appendingPathComponent("clients.json.lock").path
        let descriptor = open(lockPath, O_CREAT | O_RDWR, 0o600)
        try #require(descriptor >= 0, "cannot open \(lockPath)")
        defer { close(descriptor) }
        try #require(flock(descriptor, LOCK_EX) == 0, "cannot lock \(lockPath)")
        defer { flock(descriptor, LOCK_UN) }
        try save(try body(try clients()))
    }

    /// Adds (or replaces) a client for `mailbox`.
    func register(_ client: [String: Any]) throws {
        let id = try #require(client["client_id"] as? String)
        try change { $0.filter { ($0["client_id"] as? String) != id } + [client] }
    }

    func unregister(_ clientID: String) throws {
        try change { $0.filter { ($0["client_id"] as? String) != clientID } }
    }

    /// Lets the service account act for `mailbox` too (domain-wide delegation in Google's
    /// words), or no longer (`undo`: the sandbox's clients are put back as they were).
    func delegateServiceAccount(to mailbox: String, undo: Bool = false) throws {
        try change { $0.map { client in
            guard client["client_email"] != nil else { return client }
            var client = client
            var mailboxes = (client["mailboxes"] as? [String] ?? []).filter { $0 != mailbox }
            if !undo { mailboxes.append(mailbox) }
            client["mailboxes"] = mailboxes
            return client
        } }
    }

    /// A client-credentials client of this test with its own secret file (0600) in `folder`.
    func registerSecretClient(id: String, mailbox: String, in folder: URL, lifetime: Int = 3600) throws -> (secretFile: String, secret: String) {
        let secret = "it-" + UUID().uuidString
        let file = folder.appendingPathComponent("\(id).secret").path
        FileManager.default.createFile(atPath: file, contents: Data((secret + "\n").utf8), attributes: [.posixPermissions: 0o600])
        try register(["client_id": id, "client_secret_file": file, "mailbox": mailbox, "mailboxes": [mailbox],
                      "token_lifetime_seconds": lifetime])
        return (file, secret)
    }

    /// Sets the `oauth2` section and `auth: oauth2` for both servers on `configuration`.
    func useOAuth2(_ configuration: inout CPDBotConfiguration, grant: Grant, clientID: String, secretFile: String?,
                   mechanism: CPDBotConfiguration.OAuth2.Mechanism, smtp: Bool = true) {
        configuration.imap.auth = .oauth2
        if smtp { configuration.smtp.auth = .oauth2 }
        var oauth2 = CPDBotConfiguration.OAuth2(mechanism: mechanism)
        switch grant {
        case .clientSecret:
            oauth2.provider = .microsoft
            oauth2.tokenURL = URL(string: Self.tokenURL)
            oauth2.clientID = clientID
            oauth2.clientSecretFile = secretFile
        case .certificate:
            oauth2.provider = .generic
            oauth2.tokenURL = URL(string: Self.tokenURL)
            oauth2.clientID = clientID
            oauth2.certificateFile = directory.appendingPathComponent("client-cert.pem").path
            oauth2.privateKeyFile = directory.appendingPathComponent("client-key.pem").path
        case .serviceAccount:
            oauth2.provider = .google
            oauth2.serviceAccountFile = directory.appendingPathComponent("service-account.json").path
        }
        configuration.oauth2 = oauth2
    }

    /// Anything in `text` that looks like a JWT (the endpoint's tokens and the bot's assertions are JWTs).
    static func jsonWebTokens(in text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+"#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    /// Every file under `folder`, as text (for grepping for secrets).
    static func allText(under folder: URL) -> String {
        var text = ""
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return "" }
        for case let url as URL in walker {
            if let data = try? Data(contentsOf: url) { text += String(decoding: data, as: UTF8.self) + "\n" }
        }
        return text
    }
}
