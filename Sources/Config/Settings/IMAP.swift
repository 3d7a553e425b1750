public import Foundation

extension CPDBotConfiguration {
    /// The mailbox the bot reads (`imap.*`).
    public struct IMAP: Sendable, Equatable {
        /// `imaps://host:port` (TLS from the start) or `imap://host:port` (STARTTLS, required).
        public var url: URL
        /// The login name (`imap.user`); with OAuth2 the mailbox.
        public var user: String
        /// Where the password comes from (`imap.password_env` or `imap.password_file`).
        public var password: PasswordSource
        /// The folder new mail arrives in.
        public var mailbox: String
        /// `password`, or `oauth2` (a token from `oauth2.*`; `user` is then the mailbox).
        public var auth: Authentication
        /// The Sent folder when the server marks none `\Sent` (RFC 6154).
        public var sentFolder: String = "Sent"
        /// The folders of the four outcomes, created under the server's personal namespace
        /// (`INBOX.Processed` where the server has the `INBOX.` prefix).
        public var processedFolder: String = "Processed"
        /// Where rejected applications are moved (`imap.rejected_folder`).
        public var rejectedFolder: String = "Rejected"
        /// Where mail the bot does not handle is moved (`imap.ignored_folder`).
        public var ignoredFolder: String = "Ignored"
        /// Where messages reported to DSHR are moved (`imap.reported_folder`).
        public var reportedFolder: String = "Reported"

        /// Settings with the development defaults (the mail sandbox's Dovecot).
        public init(
            url: URL = URL(string: "imaps://127.0.0.1:10993")!,  // a literal: cannot fail
            user: String = "hr-intake@kazguu.kz",
            password: PasswordSource = PasswordSource(environmentVariable: "CPDBOT_IMAP_PASSWORD"),
            mailbox: String = "INBOX",
            auth: Authentication = .password
        ) {
            self.auth = auth
            self.url = url
            self.user = user
            self.password = password
            self.mailbox = mailbox
        }
    }
}
