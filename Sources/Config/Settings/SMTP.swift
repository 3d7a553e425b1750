public import Foundation

extension CPDBotConfiguration {
    /// The submission server the bot sends through (`smtp.*`).
    public struct SMTP: Sendable, Equatable {
        /// `smtp://host:port` (STARTTLS, required) or `smtps://host:port`.
        public var url: URL
        /// The login name (`smtp.user`); with OAuth2 the mailbox.
        public var user: String
        /// Where the password comes from (`smtp.password_env` or `smtp.password_file`).
        public var password: PasswordSource
        /// `password`, or `oauth2` (a token from `oauth2.*`; `user` is then the mailbox).
        public var auth: Authentication
        /// Whether the server files a copy of every submitted message into Sent by itself
        /// (Exchange Online, Gmail); `auto` learns it from the first message sent.
        public var serverSavesSent: ServerSavesSent = .auto
        /// Messages started per minute at most, evenly spaced; 0 = no limit.
        public var maxMessagesPerMinute: Int = 0
        /// Envelope recipients per day (Asia/Almaty) at most; 0 = no limit.
        public var maxRecipientsPerDay: Int = 0

        /// Settings with the development defaults (the mail sandbox's Postfix).
        public init(
            url: URL = URL(string: "smtp://127.0.0.1:10587")!,  // a literal: cannot fail
            user: String = "hr-intake@kazguu.kz",
            password: PasswordSource = PasswordSource(environmentVariable: "CPDBOT_SMTP_PASSWORD"),
            auth: Authentication = .password
        ) {
            self.auth = auth
            self.url = url
            self.user = user
            self.password = password
        }
    }
}

extension CPDBotConfiguration.SMTP {
    /// `smtp.server_saves_sent`.
    public enum ServerSavesSent: String, Sendable, Equatable, CaseIterable {
        case auto, yes, no
    }
}
