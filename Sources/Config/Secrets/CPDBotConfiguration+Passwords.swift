public import Foundation

extension CPDBotConfiguration {
    /// The IMAP password from `imap.password_file` or `imap.password_env`.
    public func imapPassword(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) -> Secret {
        try PasswordResolver(environment: environment).resolve(imap.password, section: "imap")
    }

    /// The SMTP password from `smtp.password_file` or `smtp.password_env`.
    public func smtpPassword(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) -> Secret {
        try PasswordResolver(environment: environment).resolve(smtp.password, section: "smtp")
    }
}
