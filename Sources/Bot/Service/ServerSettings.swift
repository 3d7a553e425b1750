public import Config
public import Curl
public import Foundation
public import OAuth

/// Turns the configuration into libcurl connection settings, resolving passwords at the last
/// moment (they live only in `ConnectionSettings`, whose description hides them). A server
/// with `auth: oauth2` logs in with tokens from `tokens` (one cache for IMAP and SMTP).
public enum ServerSettings {
    /// How to log in to the mailbox (`imap.*`).
    public static func imap(_ configuration: CPDBotConfiguration, resolver: PasswordResolver = PasswordResolver(),
                            tokens: TokenCache? = nil) throws(ConfigurationError) -> ConnectionSettings {
        try settings(configuration, url: configuration.imap.url.absoluteString, user: configuration.imap.user,
                     auth: configuration.imap.auth, password: configuration.imap.password, section: "imap",
                     resolver: resolver, tokens: tokens)
    }

    /// How to log in to the submission server (`smtp.*`).
    public static func smtp(_ configuration: CPDBotConfiguration, resolver: PasswordResolver = PasswordResolver(),
                            tokens: TokenCache? = nil) throws(ConfigurationError) -> ConnectionSettings {
        try settings(configuration, url: smtpURL(configuration), user: configuration.smtp.user,
                     auth: configuration.smtp.auth, password: configuration.smtp.password, section: "smtp",
                     resolver: resolver, tokens: tokens)
    }

    private static func settings(_ configuration: CPDBotConfiguration, url: String, user: String,
                                 auth: CPDBotConfiguration.Authentication, password: PasswordSource, section: String,
                                 resolver: PasswordResolver, tokens: TokenCache?) throws(ConfigurationError) -> ConnectionSettings {
        var settings = ConnectionSettings(url: url, user: user, password: "", caFile: configuration.tls.caFile,
                                          allowPlaintextOnLoopback: configuration.tls.allowPlaintextOnLoopback)
        switch auth {
        case .password:
            settings.password = try resolver.resolve(password, section: section).reveal()
        case .oauth2:
            settings.login = try bearer(configuration, tokens: tokens, resolver: resolver)
        }
        return settings
    }

    /// The token cache for `configuration`, or nil when no server logs in with OAuth2.
    /// Make one per process (or per `BotRunner`) and pass it to `imap`/`smtp`: its tokens are
    /// then shared by every connection.
    public static func tokenCache(_ configuration: CPDBotConfiguration,
                                  environment: [String: String] = ProcessInfo.processInfo.environment) -> TokenCache? {
        guard configuration.usesOAuth2, let settings = tokenSourceSettings(configuration, environment: environment) else {
            return nil
        }
        return TokenCache(client: TokenClient(settings: settings))
    }

    /// What the token client needs, from `oauth2.*`; nil when the section is incomplete
    /// (the loader's cross-key checks report that at start).
    public static func tokenSourceSettings(_ configuration: CPDBotConfiguration,
                                           environment: [String: String] = ProcessInfo.processInfo.environment) -> TokenSourceSettings? {
        let oauth2 = configuration.oauth2
        let credential: TokenSourceSettings.Credential
        switch oauth2.provider {
        case nil: return nil
        case .google:
            guard let file = oauth2.serviceAccountFile else { return nil }
            credential = .serviceAccount(file: file, subject: oauth2.subject ?? configuration.imap.user)
        case .microsoft, .generic:
            if let file = oauth2.clientSecretFile {
                credential = .clientSecret(file: file)
            } else if let certificate = oauth2.certificateFile, let key = oauth2.privateKeyFile {
                credential = .certificate(certificateFile: certificate, privateKeyFile: key)
            } else {
                return nil
            }
        }
        let https = HTTPSRequestSettings(caFile: configuration.tls.caFile, connectTimeout: .seconds(min(20, oauth2.timeoutSeconds)),
                                         timeout: .seconds(oauth2.timeoutSeconds), maxResponseBytes: oauth2.maxResponseBytes)
        return TokenSourceSettings(tokenURL: oauth2.effectiveTokenURL?.absoluteString, clientID: oauth2.clientID,
                                   scope: oauth2.effectiveScope, credential: credential, https: https, environment: environment)
    }

    private static func bearer(_ configuration: CPDBotConfiguration, tokens: TokenCache?,
                               resolver: PasswordResolver) throws(ConfigurationError) -> LoginMethod {
        guard let cache = tokens ?? tokenCache(configuration, environment: resolver.environment) else {
            throw .invalidKeys([ConfigurationIssue(key: "oauth2.provider",
                                                   problem: "the oauth2 section is incomplete (run cpdbot with it to see what is missing)")])
        }
        let mechanism: SASLMechanism = configuration.oauth2.mechanism == .oauthbearer ? .oauthBearer : .xoauth2
        return .bearer(mechanism: mechanism, tokens: cache)
    }

    /// libcurl takes the EHLO name from the URL's path; without one it says EHLO with the
    /// local host name, which some servers refuse. Use the bot's domain.
    static func smtpURL(_ configuration: CPDBotConfiguration) -> String {
        let url = configuration.smtp.url.absoluteString
        let path = configuration.smtp.url.path
        guard path.isEmpty || path == "/" else { return url }
        let domain = configuration.bot.address.split(separator: "@").last.map(String.init) ?? "localhost"
        return (url.hasSuffix("/") ? url : url + "/") + domain
    }
}
