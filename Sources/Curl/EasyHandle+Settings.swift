internal import CCurl

extension EasyHandle {
    /// The protocols a handle may ever speak: a URL with any other scheme fails to start.
    public static let allowedProtocols = "imap,imaps,smtp,smtps"

    /// Applies URL, credentials, the TLS policy and the timeouts of `settings`. A bearer login
    /// (`settings.login`) needs `accessToken`; libcurl then offers only the configured mechanism.
    public func apply(_ settings: ConnectionSettings, accessToken: String? = nil) throws(CurlError) {
        let endpoint = try Endpoint(url: settings.url)
        let tls = try settings.tlsRequirement()
        context = ErrorContext(server: endpoint.description, user: settings.user, caFile: settings.caFile)

        try set(.protocols, Self.allowedProtocols)
        try set(.url, settings.url)
        // No user: no AUTH (e.g. handing mail to an MX that takes it from anyone).
        if !settings.user.isEmpty {
            try set(.username, settings.user)
            switch settings.login {
            case .password:
                try set(.password, settings.password)
            case .bearer(let mechanism, _):
                guard let accessToken, !accessToken.isEmpty else {
                    throw CurlError(kind: .badOption, step: "log in", server: endpoint.description,
                                    user: settings.user, detail: "no access token for an OAuth2 login")
                }
                try set(.xoauth2Bearer, accessToken)
                try set(.loginOptions, "AUTH=" + mechanism.rawValue)
            }
        }
        try set(.sslVerifyPeer, true)
        try set(.sslVerifyHost, 2)
        if let caFile = settings.caFile {
            try set(.caInfo, caFile)
            // Otherwise libcurl also trusts /etc/ssl/certs, whatever CAINFO says.
            try set(.caPath, nil)
        }
        switch tls {
        case .implicit, .startTLSRequired: try set(.useSSL, Int(CURLUSESSL_ALL.rawValue))
        case .startTLSIfOffered: try set(.useSSL, Int(CURLUSESSL_TRY.rawValue))
        }
        try set(.connectTimeout, settings.connectTimeout.milliseconds)
        try set(.lowSpeedLimit, settings.lowSpeedLimit)
        try set(.lowSpeedTime, max(1, settings.lowSpeedTime.milliseconds / 1000))
        try set(.tcpKeepAlive, true)
    }
}
