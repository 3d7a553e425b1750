import Config
import Curl
import Foundation

/// Turns the configuration into libcurl connection settings, resolving passwords at the last
/// moment (they live only in `ConnectionSettings`, whose description hides them).
public enum ServerSettings {
    public static func imap(_ configuration: CPDBotConfiguration,
                            resolver: PasswordResolver = PasswordResolver()) throws(ConfigurationError) -> ConnectionSettings {
        let password = try resolver.resolve(configuration.imap.password, section: "imap")
        return ConnectionSettings(url: configuration.imap.url.absoluteString, user: configuration.imap.user,
                                  password: password.reveal(), caFile: configuration.tls.caFile,
                                  allowPlaintextOnLoopback: configuration.tls.allowPlaintextOnLoopback)
    }

    public static func smtp(_ configuration: CPDBotConfiguration,
                            resolver: PasswordResolver = PasswordResolver()) throws(ConfigurationError) -> ConnectionSettings {
        let password = try resolver.resolve(configuration.smtp.password, section: "smtp")
        return ConnectionSettings(url: smtpURL(configuration), user: configuration.smtp.user,
                                  password: password.reveal(), caFile: configuration.tls.caFile,
                                  allowPlaintextOnLoopback: configuration.tls.allowPlaintextOnLoopback)
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
