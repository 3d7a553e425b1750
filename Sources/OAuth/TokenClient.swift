import Config
public import Curl
public import Foundation
import _CryptoExtras

/// Asks a token endpoint for an access token: builds the grant (reading the secret files),
/// posts it over HTTPS through libcurl and reads the answer. No caching: `TokenCache` does that.
public struct TokenClient: Sendable {
    /// Posts a form to a URL and returns the answer; libcurl's in production, a fake in tests.
    public typealias Transport = @Sendable (_ url: String, _ form: String) throws(CurlError) -> HTTPSResponse

    /// Key files are small; anything bigger is refused unread.
    public static let maxKeyFileBytes = 64 * 1024

    /// Where and how to ask for tokens.
    public let settings: TokenSourceSettings
    let transport: Transport
    let now: @Sendable () -> Date

    /// A client; tests pass their own `transport` and clock, the service uses libcurl.
    public init(settings: TokenSourceSettings, transport: Transport? = nil, now: @escaping @Sendable () -> Date = { Date() }) {
        self.settings = settings
        if let transport {
            self.transport = transport
        } else {
            self.transport = Self.libcurl(settings.https)
        }
        self.now = now
    }

    /// The production transport: a POST over libcurl, HTTPS only.
    static func libcurl(_ https: HTTPSRequestSettings) -> Transport {
        { url, form throws(CurlError) in try EasyHandle.postForm(url: url, form: form, settings: https) }
    }

    /// The host (and port) of the token endpoint, as messages name it.
    public static func host(of url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else { return url }
        return host + (components.port.map { ":\($0)" } ?? "")
    }

    /// One new token. Throws `OAuthError` naming the endpoint and the client.
    public func requestToken() throws(OAuthError) -> IssuedToken {
        let request = try grant()
        let endpoint = Self.host(of: request.url)
        let response: HTTPSResponse
        do {
            response = try transport(request.url, FormEncoding.encode(request.fields))
        } catch {
            throw OAuthError(.unreachable(error.description), endpoint: endpoint, client: request.client)
        }
        switch TokenResponse.read(status: response.status, body: response.body, receivedAt: now()) {
        case .token(let token): return token
        case let .refused(error, description):
            throw OAuthError(.refused(status: response.status, error: error, errorDescription: description),
                             endpoint: endpoint, client: request.client)
        case .unusable(let detail):
            throw OAuthError(.badResponse(status: response.status, detail: detail), endpoint: endpoint, client: request.client)
        }
    }

    /// What goes to the endpoint: its URL, the form fields, and the client as messages name it.
    struct Grant {
        var url: String
        var fields: [(String, String)]
        var client: String
    }

    func grant() throws(OAuthError) -> Grant {
        let files = SecretFile(environment: settings.environment)
        let prefix = settings.keyPrefix
        switch settings.credential {
        case .clientSecret(let file):
            let (url, client) = try clientEndpoint()
            let secret = try unusable(url, client) { () throws(ConfigurationError) in
                try files.readLine(file, key: prefix + "client_secret_file", noun: "client secret")
            }
            var fields = [("grant_type", "client_credentials"), ("client_id", client), ("client_secret", secret.reveal())]
            if let scope = settings.scope { fields.append(("scope", scope)) }
            return Grant(url: url, fields: fields, client: client)

        case let .certificate(certificateFile, privateKeyFile):
            let (url, client) = try clientEndpoint()
            let certificate = try unusable(url, client) { () throws(ConfigurationError) in
                // A certificate is public: read it like any file, the size still bounded.
                try SecretFile(environment: settings.environment).readPublic(certificateFile, key: prefix + "certificate_file",
                                                                            maxBytes: Self.maxKeyFileBytes)
            }
            guard let thumbprint = CertificateThumbprint.x5t(pem: String(decoding: certificate, as: UTF8.self)) else {
                throw OAuthError(.credentialUnusable("\(prefix)certificate_file: \(certificateFile) holds no PEM certificate "
                    + "(-----BEGIN CERTIFICATE-----)"), endpoint: Self.host(of: url), client: client)
            }
            let key = try privateKey(file: privateKeyFile, key: prefix + "private_key_file", url: url, client: client)
            let assertion = try sign(JSONWebToken.clientAssertion(clientID: client, tokenURL: url, thumbprint: thumbprint, now: now()),
                                     key: key, url: url, client: client)
            var fields = [
                ("grant_type", "client_credentials"), ("client_id", client),
                ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                ("client_assertion", assertion),
            ]
            if let scope = settings.scope { fields.append(("scope", scope)) }
            return Grant(url: url, fields: fields, client: client)

        case let .serviceAccount(file, subject):
            let fallbackURL = settings.tokenURL ?? "https://oauth2.googleapis.com/token"
            let data = try unusable(fallbackURL, settings.clientID ?? "(service account)") { () throws(ConfigurationError) in
                try files.read(file, key: prefix + "service_account_file", maxBytes: Self.maxKeyFileBytes, noun: "service account")
            }
            guard let account = try? JSONDecoder().decode(ServiceAccount.self, from: data) else {
                throw OAuthError(.credentialUnusable("\(prefix)service_account_file: \(file) is not a service account key "
                    + "(JSON with client_email and private_key, as the Google Cloud console gives it)"),
                    endpoint: Self.host(of: fallbackURL), client: settings.clientID ?? "(service account)")
            }
            let url = settings.tokenURL ?? account.tokenURI ?? fallbackURL
            let client = account.clientEmail
            let key: _RSA.Signing.PrivateKey
            do {
                key = try _RSA.Signing.PrivateKey(pemRepresentation: account.privateKey)
            } catch {
                throw OAuthError(.credentialUnusable("\(prefix)service_account_file: the private_key in \(file) is not an RSA key"),
                                 endpoint: Self.host(of: url), client: client)
            }
            let jwt = JSONWebToken.serviceAccountGrant(account: client, keyID: account.privateKeyID, subject: subject,
                                                       scope: settings.scope ?? "https://mail.google.com/", tokenURL: url, now: now())
            let assertion = try sign(jwt, key: key, url: url, client: client)
            return Grant(url: url, fields: [("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), ("assertion", assertion)],
                         client: client)
        }
    }

    /// A Google service account key file (only the fields used).
    struct ServiceAccount: Decodable {
        var clientEmail: String
        var privateKey: String
        var privateKeyID: String?
        var tokenURI: String?

        enum CodingKeys: String, CodingKey {
            case clientEmail = "client_email"
            case privateKey = "private_key"
            case privateKeyID = "private_key_id"
            case tokenURI = "token_uri"
        }
    }

    private func clientEndpoint() throws(OAuthError) -> (url: String, client: String) {
        let client = settings.clientID ?? ""
        guard let url = settings.tokenURL else {
            throw OAuthError(.credentialUnusable("\(settings.keyPrefix)token_url: no token endpoint is configured"),
                             endpoint: "(none)", client: client)
        }
        return (url, client)
    }

    private func privateKey(file: String, key: String, url: String, client: String) throws(OAuthError) -> _RSA.Signing.PrivateKey {
        let data = try unusable(url, client) { () throws(ConfigurationError) in
            try SecretFile(environment: settings.environment).read(file, key: key, maxBytes: Self.maxKeyFileBytes, noun: "private key")
        }
        do {
            return try _RSA.Signing.PrivateKey(pemRepresentation: String(decoding: data, as: UTF8.self))
        } catch {
            throw OAuthError(.credentialUnusable("\(key): \(file) holds no unencrypted RSA private key in PEM "
                + "(-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----, 2048 bits or more)"),
                endpoint: Self.host(of: url), client: client)
        }
    }

    private func sign(_ jwt: JSONWebToken, key: _RSA.Signing.PrivateKey, url: String, client: String) throws(OAuthError) -> String {
        do {
            return try jwt.signed(with: key)
        } catch {
            throw OAuthError(.credentialUnusable("could not sign the JWT: \(error)"), endpoint: Self.host(of: url), client: client)
        }
    }

    private func unusable<T>(_ url: String, _ client: String, _ body: () throws(ConfigurationError) -> T) throws(OAuthError) -> T {
        do { return try body() } catch {
            throw OAuthError(.credentialUnusable(error.description), endpoint: Self.host(of: url), client: client)
        }
    }
}
