import Foundation

/// How to reach and log in to one mail server (IMAP or SMTP).
///
/// TLS is required and verified unless `allowPlaintextOnLoopback` is set *and* the host is a
/// loopback address (a local test server). `description` never shows the password.
public struct ConnectionSettings: Sendable, CustomStringConvertible {
    /// `imaps://host:993/`, `imap://host:143/` (STARTTLS), `smtps://host:465/`,
    /// `smtp://host:587/ehlo-name` (STARTTLS).
    public var url: String
    /// The login name; for a bearer login the mailbox (`user=` of XOAUTH2, `a=` of
    /// OAUTHBEARER), which may differ from the identity the token was issued to.
    public var user: String
    /// Used only when `login` is `.password`.
    public var password: String
    /// `.password` unless the settings say otherwise.
    public var login: LoginMethod = .password
    /// PEM file with the CA(s) to trust; when set, only these are trusted (CAPATH is cleared).
    public var caFile: String?
    /// Permit an unencrypted session, but only to 127.0.0.0/8, ::1 or localhost.
    public var allowPlaintextOnLoopback: Bool
    /// How long connecting (TCP and TLS) may take: [CURLOPT_CONNECTTIMEOUT_MS](https://curl.se/libcurl/c/CURLOPT_CONNECTTIMEOUT_MS.html).
    public var connectTimeout: Duration
    /// Abort when fewer than `lowSpeedLimit` bytes/s flow for `lowSpeedTime`.
    public var lowSpeedLimit: Int
    /// See `lowSpeedLimit`: [CURLOPT_LOW_SPEED_TIME](https://curl.se/libcurl/c/CURLOPT_LOW_SPEED_TIME.html).
    public var lowSpeedTime: Duration
    /// How long to wait for the next bytes of an IMAP response before giving up.
    public var responseTimeout: Duration

    /// Settings for one server; the defaults suit a mail server on the internet.
    public init(
        url: String, user: String, password: String, caFile: String? = nil,
        allowPlaintextOnLoopback: Bool = false, connectTimeout: Duration = .seconds(20),
        lowSpeedLimit: Int = 1, lowSpeedTime: Duration = .seconds(120),
        responseTimeout: Duration = .seconds(120)
    ) {
        self.url = url
        self.user = user
        self.password = password
        self.caFile = caFile
        self.allowPlaintextOnLoopback = allowPlaintextOnLoopback
        self.connectTimeout = connectTimeout
        self.lowSpeedLimit = lowSpeedLimit
        self.lowSpeedTime = lowSpeedTime
        self.responseTimeout = responseTimeout
    }

    /// The server and the user, with the password or token hidden: safe for logs.
    public var description: String {
        var text = "\(url) as \(user) (" + (login.isBearer ? "OAuth2 token" : "password") + " hidden"
        if let caFile { text += ", CA file \(caFile)" }
        if allowPlaintextOnLoopback { text += ", plaintext allowed on loopback" }
        return text + ")"
    }

    /// What the TLS policy resolves to for this URL.
    public enum TLSRequirement: Sendable, Equatable {
        /// imaps://, smtps://: TLS from the first byte.
        case implicit
        /// imap://, smtp://: STARTTLS, and fail if the server does not offer it.
        case startTLSRequired
        /// Loopback test server with the flag set: STARTTLS if offered, plaintext otherwise.
        case startTLSIfOffered
    }

    /// The TLS rule for this URL; throws when plaintext is asked for on a non-loopback host.
    public func tlsRequirement() throws(CurlError) -> TLSRequirement {
        let endpoint = try Endpoint(url: url)
        if endpoint.scheme.isImplicitTLS { return .implicit }
        guard allowPlaintextOnLoopback else { return .startTLSRequired }
        guard endpoint.isLoopback else {
            throw CurlError(
                kind: .plaintextNotAllowed, step: "connect", server: endpoint.description,
                detail: "allowPlaintextOnLoopback is only honoured for 127.0.0.1, ::1 or localhost")
        }
        return .startTLSIfOffered
    }
}

extension Duration {
    /// Whole milliseconds, at least 1 (libcurl treats 0 as "no limit").
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
