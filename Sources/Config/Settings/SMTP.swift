import Foundation

extension CPDBotConfiguration {
    /// The submission server the bot sends through (`smtp.*`).
    public struct SMTP: Sendable, Equatable {
        /// `smtp://host:port` (STARTTLS, required) or `smtps://host:port`.
        public var url: URL
        public var user: String
        public var password: PasswordSource

        public init(
            url: URL = URL(string: "smtp://127.0.0.1:10587")!,  // a literal: cannot fail
            user: String = "hr-intake@kazguu.kz",
            password: PasswordSource = PasswordSource(environmentVariable: "CPDBOT_SMTP_PASSWORD")
        ) {
            self.url = url
            self.user = user
            self.password = password
        }
    }
}
