import Config
import Curl
import Foundation
import Mail

extension InstallationCheck {
    /// The SASL mechanisms the IMAP server offers before a login, against `imap.auth` and
    /// `oauth2.mechanism`. Asked on a connection of its own without credentials (TLS verified,
    /// no AUTH), because after a login servers no longer list them – and so that a mismatch is
    /// named even when the login itself fails.
    func imapMechanisms() -> CheckResult {
        let name = "imap.sasl"
        let url = configuration.imap.url.absoluteString
        let capabilities: Set<String>
        do {
            let client = try IMAPClient(settings: unauthenticated(url: url))
            defer { client.logout() }
            capabilities = client.capabilities
        } catch {
            return .failed(name, "\(url): \(error)", fix: Self.connectionFix(for: "imap"))
        }
        let offered = Set(capabilities.filter { $0.hasPrefix("AUTH=") }.map { String($0.dropFirst(5)) })
        return Self.mechanismCheck(section: "imap", auth: configuration.imap.auth, mechanism: configuration.oauth2.mechanism,
                                   offered: offered, loginCommand: !capabilities.contains("LOGINDISABLED"), server: url)
    }

    /// The same for the submission server's EHLO `AUTH` line, against `smtp.auth`.
    func smtpMechanisms() -> CheckResult {
        let name = "smtp.sasl"
        let url = ServerSettings.smtpURL(configuration)
        guard !configuration.smtp.user.isEmpty else {
            return .ok(name, "no login (smtp.user is empty)")
        }
        do {
            let client = try SMTPClient(settings: unauthenticated(url: url))
            let offered = try client.offeredAuthMechanisms()
            return Self.mechanismCheck(section: "smtp", auth: configuration.smtp.auth, mechanism: configuration.oauth2.mechanism,
                                       offered: offered, loginCommand: false, server: configuration.smtp.url.absoluteString)
        } catch {
            return .failed(name, "\(configuration.smtp.url.absoluteString): \(error)", fix: Self.connectionFix(for: "smtp"))
        }
    }

    /// The server's URL and TLS rules without a user: libcurl connects and secures the session
    /// but does not log in.
    private func unauthenticated(url: String) -> ConnectionSettings {
        ConnectionSettings(url: url, user: "", password: "", caFile: configuration.tls.caFile,
                           allowPlaintextOnLoopback: configuration.tls.allowPlaintextOnLoopback)
    }

    /// Whether the configured way of logging in is among what the server offers (pure).
    /// Passwords go over PLAIN or LOGIN (libcurl's choice among them), or IMAP's own LOGIN
    /// command when the server lists no SASL mechanism and has not disabled it; a token over
    /// exactly `oauth2.mechanism`. `offered`: upper-cased SASL names.
    static func mechanismCheck(section: String, auth: CPDBotConfiguration.Authentication,
                               mechanism: CPDBotConfiguration.OAuth2.Mechanism, offered: Set<String>,
                               loginCommand: Bool, server: String) -> CheckResult {
        let name = "\(section).sasl"
        let list = offered.isEmpty ? "no SASL mechanism" : offered.sorted().joined(separator: " ")
        let bearers = ["XOAUTH2", "OAUTHBEARER"].filter(offered.contains)
        switch auth {
        case .password:
            if let used = ["PLAIN", "LOGIN"].first(where: offered.contains) {
                return .ok(name, "\(section).auth password over \(used) (offered: \(list))")
            }
            if section == "imap", offered.isEmpty, loginCommand {
                return .ok(name, "\(section).auth password with the LOGIN command (no SASL mechanism offered)")
            }
            let fix = bearers.isEmpty
                ? "ask the mail administrators to allow PLAIN or LOGIN after TLS for \(section).user, or check \(section).url"
                    + (section == "smtp" ? " (the submission port 587 or 465, not the MX port 25)" : "")
                : "the server takes OAuth2 tokens only: set \(section).auth: oauth2 and the oauth2.* keys "
                    + "(oauth2.mechanism: \(bearers[0].lowercased()))"
            return .failed(name, "\(section).auth is password, but \(server) offers \(list)", fix: fix)
        case .oauth2:
            let wanted = mechanism == .oauthbearer ? "OAUTHBEARER" : "XOAUTH2"
            if offered.contains(wanted) {
                return .ok(name, "\(section).auth oauth2 over \(wanted) (oauth2.mechanism; offered: \(list))")
            }
            let fix = bearers.isEmpty
                ? "the server takes no OAuth2 token here: set \(section).auth: password, or ask the mail administrators "
                    + "to enable OAuth2 (modern authentication) for \(section.uppercased())"
                : "set oauth2.mechanism: \(bearers[0].lowercased())"
            return .failed(name, "oauth2.mechanism is \(mechanism.rawValue) (for \(section).auth: oauth2), but \(server) offers \(list)",
                           fix: fix)
        }
    }
}
