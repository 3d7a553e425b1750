import Config
import Foundation
import Mail
import OAuth

extension InstallationCheck {
    /// The IMAP capabilities cpdbot uses, and what it does without each.
    static let imapCapabilities: [(name: String, without: String)] = [
        ("IDLE", "new mail is noticed only every poll_interval_seconds"),
        ("MOVE", "messages are copied and expunged instead, in two steps"),
        ("UIDPLUS", "a copy's UID is looked up after each APPEND"),
        ("SPECIAL-USE", "the Sent folder is found by its name only"),
    ]

    /// IMAP then SMTP: the SASL mechanism offered, reachable, TLS verified, login working,
    /// what the server offers, and the IMAP server's clock.
    public func servers() -> [CheckResult] {
        // OAuth2 tokens for both logins when `imap.auth`/`smtp.auth` say so (one request serves both).
        let tokens = ServerSettings.tokenCache(configuration, environment: environment)
        return [imapMechanisms()] + imap(tokens: tokens) + [smtpMechanisms()] + smtp(tokens: tokens)
    }

    func imap(tokens: TokenCache? = nil) -> [CheckResult] {
        let url = configuration.imap.url.absoluteString
        let client: IMAPClient
        do {
            client = try IMAPClient(settings: try ServerSettings.imap(configuration, resolver: PasswordResolver(environment: environment),
                                                                      tokens: tokens))
        } catch let error as ConfigurationError {
            return [.failed("imap.login", error.description, fix: "fix the password source named")]
        } catch {
            return [.failed("imap.login", "\(url): \(error)", fix: Self.connectionFix(for: "imap"))]
        }
        defer { client.logout() }
        var results: [CheckResult] = [.ok("imap.login", "\(url) as \(configuration.imap.user), "
            + (client.isEncrypted ? "TLS verified" : "without TLS (loopback only)"))]
        results += Self.capabilityChecks(client.capabilities)
        results += mailboxAndFolders(client)
        if !results.contains(where: { $0.status == .failed }) { results.append(clock(client)) }
        return results
    }

    static func capabilityChecks(_ capabilities: Set<String>) -> [CheckResult] {
        imapCapabilities.map { capability in
            capabilities.contains(capability.name)
                ? .ok("imap.\(capability.name.lowercased())", "offered")
                : .warning("imap.\(capability.name.lowercased())", "not offered: \(capability.without)",
                           fix: "cpdbot works without it; ask the mail administrators to enable it")
        }
    }

    /// The mailbox can be selected; each folder exists or is created now (as the first poll would).
    func mailboxAndFolders(_ client: IMAPClient) -> [CheckResult] {
        let mailbox = configuration.imap.mailbox
        var results: [CheckResult] = []
        do {
            let status = try client.select(mailbox, readOnly: true)
            results.append(.ok("imap.mailbox", "\(mailbox): \(status.exists) message(s)"))
        } catch {
            return [.failed("imap.mailbox", "cannot open \(mailbox): \(error)",
                            fix: "set imap.mailbox to the intake folder of \(configuration.imap.user)")]
        }
        // The folders as this server names them: its \Sent folder and its personal namespace.
        let folders: [String]
        do {
            let server = try client.discoverFolders(sentFallback: configuration.imap.sentFolder)
            folders = MailFolders(configuration: configuration, server: server, learned: nil).targets
        } catch {
            return results + [.failed("imap.folders", "cannot list the folders of \(configuration.imap.user): \(error)",
                                      fix: "check that the account may list its folders (LIST, NAMESPACE)")]
        }
        var problems: [String] = []
        for folder in folders {
            do { try client.createIfMissing(folder) } catch { problems.append("\(folder): \(error)") }
        }
        if problems.isEmpty {
            results.append(.ok("imap.folders", folders.joined(separator: ", ") + " present"))
        } else {
            results.append(.failed("imap.folders", problems.joined(separator: "; "),
                                   fix: "let \(configuration.imap.user) create folders, or create them by hand"))
        }
        return results
    }

    func smtp(tokens: TokenCache? = nil) -> [CheckResult] {
        let url = configuration.smtp.url.absoluteString
        do {
            let client = try SMTPClient(settings: try ServerSettings.smtp(configuration, resolver: PasswordResolver(environment: environment),
                                                                          tokens: tokens))
            try client.verifyConnection()
            return [.ok("smtp.login", "\(url) as \(configuration.smtp.user), "
                + (client.isEncrypted ? "TLS verified" : "without TLS (loopback only)"))]
        } catch let error as ConfigurationError {
            return [.failed("smtp.login", error.description, fix: "fix the password source named")]
        } catch {
            return [.failed("smtp.login", "\(url): \(error)", fix: Self.connectionFix(for: "smtp"))]
        }
    }

    static func connectionFix(for section: String) -> String {
        "check \(section).url, \(section).user and the password, and tls.ca_file (the server's certificate must be trusted)"
    }
}
