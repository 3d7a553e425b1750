public import Foundation

extension CPDBotConfiguration {
    /// How the bot logs in to a mail server (`imap.auth`, `smtp.auth`).
    public enum Authentication: String, Sendable, Equatable, CaseIterable {
        /// The password from `password_file` or `password_env`.
        case password
        /// An OAuth2 access token from the token endpoint of `oauth2.*`.
        case oauth2
    }

    /// Where OAuth2 access tokens come from (`oauth2.*`), for `imap.auth: oauth2` and
    /// `smtp.auth: oauth2`. Secrets are files (mode 600) or systemd credentials, never values.
    public struct OAuth2: Sendable, Equatable {
        /// Whose token endpoint and grant to use (`oauth2.provider`).
        public enum Provider: String, Sendable, Equatable, CaseIterable {
            /// Microsoft 365 (Entra ID): the client-credentials grant, with a secret or a certificate.
            case microsoft
            /// Google Workspace: a service account with domain-wide delegation (JWT bearer grant).
            case google
            /// Any token endpoint with the client-credentials grant (Keycloak, a test server).
            case generic
        }

        /// The SASL mechanism that carries the token to the mail server.
        public enum Mechanism: String, Sendable, Equatable, CaseIterable {
            case xoauth2
            case oauthbearer
        }

        /// Must be set when any server logs in with OAuth2.
        public var provider: Provider?
        /// The Entra ID tenant (a GUID or `kazguu.onmicrosoft.com`), for `microsoft`.
        public var tenant: String?
        /// Overrides the provider's token endpoint; the only one for `generic`. `https://` only.
        public var tokenURL: URL?
        /// The application (client) ID; for `google` it comes from the service account file.
        public var clientID: String?
        /// A file (mode 600) holding the client secret.
        public var clientSecretFile: String?
        /// The certificate (PEM) whose key signs the client assertion, instead of a secret.
        public var certificateFile: String?
        /// Its private key (PEM, mode 600).
        public var privateKeyFile: String?
        /// Google's service account key (JSON, mode 600).
        public var serviceAccountFile: String?
        /// The scope asked for; nil: the provider's (see `effectiveScope`).
        public var scope: String?
        /// The SASL mechanism (`oauth2.mechanism`): XOAUTH2, or OAUTHBEARER (RFC 7628).
        public var mechanism: Mechanism
        /// The mailbox a Google service account acts for; nil: `imap.user`.
        public var subject: String?
        /// How long one token request may take, connection included.
        public var timeoutSeconds: Int
        /// The largest token response read; a longer one is refused.
        public var maxResponseBytes: Int

        /// Settings for a provider; unset fields fall back to the provider's defaults.
        public init(
            provider: Provider? = nil, tenant: String? = nil, tokenURL: URL? = nil, clientID: String? = nil,
            clientSecretFile: String? = nil, certificateFile: String? = nil, privateKeyFile: String? = nil,
            serviceAccountFile: String? = nil, scope: String? = nil, mechanism: Mechanism = .xoauth2,
            subject: String? = nil, timeoutSeconds: Int = 30, maxResponseBytes: Int = 64 * 1024
        ) {
            self.provider = provider
            self.tenant = tenant
            self.tokenURL = tokenURL
            self.clientID = clientID
            self.clientSecretFile = clientSecretFile
            self.certificateFile = certificateFile
            self.privateKeyFile = privateKeyFile
            self.serviceAccountFile = serviceAccountFile
            self.scope = scope
            self.mechanism = mechanism
            self.subject = subject
            self.timeoutSeconds = timeoutSeconds
            self.maxResponseBytes = maxResponseBytes
        }

        /// `scope`, or the provider's: Exchange Online's IMAP/SMTP for `microsoft`, Gmail's for
        /// `google`, none for `generic`.
        public var effectiveScope: String? {
            if let scope { return scope }
            switch provider {
            case .microsoft: return "https://outlook.office365.com/.default"
            case .google: return "https://mail.google.com/"
            case .generic, nil: return nil
            }
        }

        /// `token_url`, else Entra ID's endpoint of the tenant; nil when neither is known
        /// (`google` takes its endpoint from the service account file).
        public var effectiveTokenURL: URL? {
            if let tokenURL { return tokenURL }
            guard provider == .microsoft, let tenant,
                  let encoded = tenant.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)
            else { return nil }
            return URL(string: "https://login.microsoftonline.com/\(encoded)/oauth2/v2.0/token")
        }
    }

    /// When a person is told that the bot cannot reach its mail (`alerts.*`).
    public struct Alerts: Sendable, Equatable {
        /// Minutes of failed logins or token requests before DSHR and `bot.admin` are told.
        public var afterMinutes: Int
        /// A Plan still only previewed this many working days before its §7.7 deadline is
        /// reported to DSHR and `bot.admin` (`alerts.plan_unconfirmed_working_days`).
        public var planUnconfirmedWorkingDays: Int

        /// Alerts after 30 minutes of failure and after 3 working days without a Plan confirmation.
        public init(afterMinutes: Int = 30, planUnconfirmedWorkingDays: Int = 3) {
            self.afterMinutes = afterMinutes
            self.planUnconfirmedWorkingDays = planUnconfirmedWorkingDays
        }
    }
}
