public import Curl
public import Foundation

/// Where and how to ask for access tokens, with the paths of the secret files (read at each
/// request, so a rotated secret is picked up without a restart).
public struct TokenSourceSettings: Sendable {
    /// How the client proves who it is.
    public enum Credential: Sendable, Equatable {
        /// The client-credentials grant with a client secret (RFC 6749 §4.4).
        case clientSecret(file: String)
        /// The client-credentials grant with a client assertion signed by the certificate's key
        /// (RFC 7523 §2.2).
        case certificate(certificateFile: String, privateKeyFile: String)
        /// A Google service account's JWT, for `subject`, exchanged with the jwt-bearer grant
        /// (RFC 7523 §2.1).
        case serviceAccount(file: String, subject: String)
    }

    /// The token endpoint; for a service account nil means the file's `token_uri`.
    public var tokenURL: String?
    /// The client ID (for a service account, nil: its `client_email`).
    public var clientID: String?
    /// The scope asked for (RFC 6749 §3.3); nil: the provider's default.
    public var scope: String?
    /// How the client proves who it is.
    public var credential: Credential
    /// CA file, timeouts and the response size cap.
    public var https: HTTPSRequestSettings
    /// Names the configuration keys in messages: `oauth2.client_secret_file`, …
    public var keyPrefix = "oauth2."
    /// For `$CREDENTIALS_DIRECTORY` (systemd credentials).
    public var environment: [String: String]

    /// Settings; the files named in `credential` are read at each request.
    public init(tokenURL: String?, clientID: String?, scope: String?, credential: Credential,
                https: HTTPSRequestSettings, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.scope = scope
        self.credential = credential
        self.https = https
        self.environment = environment
    }
}
