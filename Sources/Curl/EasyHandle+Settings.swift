import CCurl

extension EasyHandle {
    /// The protocols a handle may ever speak: a URL with any other scheme fails to start.
    public static let allowedProtocols = "imap,imaps,smtp,smtps"

    /// Applies URL, credentials, the TLS policy and the timeouts of `settings`.
    public func apply(_ settings: ConnectionSettings) throws(CurlError) {
        let endpoint = try Endpoint(url: settings.url)
        let tls = try settings.tlsRequirement()
        context = ErrorContext(server: endpoint.description, user: settings.user, caFile: settings.caFile)

        try set(.protocols, Self.allowedProtocols)
        try set(.url, settings.url)
        // No user: no AUTH (e.g. handing mail to an MX that takes it from anyone).
        if !settings.user.isEmpty {
            try set(.username, settings.user)
            try set(.password, settings.password)
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
