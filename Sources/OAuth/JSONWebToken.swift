import Crypto
public import Foundation
public import _CryptoExtras

/// A JWT signed RS256 (RFC 7515/7519): RSA PKCS#1 v1.5 with SHA-256, by swift-crypto.
/// Pure: claims, key and clock in, compact serialization out.
public struct JSONWebToken: Sendable {
    /// The JOSE header (RFC 7515 §4).
    public struct Header: Codable, Sendable, Equatable {
        /// Always RS256 (RFC 7518 §3.3): what Entra ID and Google accept for client assertions.
        public var alg = "RS256"
        /// `JWT` (RFC 7519 §5.1).
        public var typ = "JWT"
        /// Base64url SHA-1 thumbprint of the certificate (RFC 7515 §4.1.7): how Entra ID finds
        /// which of the application's certificates signed.
        public var x5t: String?
        /// The key ID (a Google service account's `private_key_id`).
        public var kid: String?

        /// A header naming the key by certificate thumbprint (`x5t`) or key id (`kid`).
        public init(x5t: String? = nil, kid: String? = nil) {
            self.x5t = x5t
            self.kid = kid
        }
    }

    /// The claims of a client assertion (RFC 7523 §3).
    public struct Claims: Codable, Sendable, Equatable {
        /// Issuer: the client ID, or the service account's e-mail (RFC 7519 §4.1.1).
        public var iss: String
        /// Subject: the client ID (Entra ID), or the mailbox acted for (Google).
        public var sub: String?
        /// Audience: the token endpoint (RFC 7523 §3, item 3).
        public var aud: String
        /// The scopes asked for, space-separated (Google puts them here).
        public var scope: String?
        /// A unique id, so that the endpoint can refuse a replay (RFC 7519 §4.1.7).
        public var jti: String?
        /// Issued at, in seconds since 1970.
        public var iat: Int
        /// Not before, in seconds since 1970.
        public var nbf: Int?
        /// Expiry, in seconds since 1970 (Google allows at most an hour after `iat`).
        public var exp: Int

        /// The claims of one assertion.
        public init(iss: String, sub: String?, aud: String, scope: String? = nil, jti: String? = nil,
                    iat: Int, nbf: Int? = nil, exp: Int) {
            self.iss = iss
            self.sub = sub
            self.aud = aud
            self.scope = scope
            self.jti = jti
            self.iat = iat
            self.nbf = nbf
            self.exp = exp
        }
    }

    /// The JOSE header.
    public var header: Header
    /// The claims.
    public var claims: Claims

    /// A token to be signed.
    public init(header: Header, claims: Claims) {
        self.header = header
        self.claims = claims
    }

    /// `header.claims.signature`, each part base64url.
    public func signed(with key: _RSA.Signing.PrivateKey) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let signingInput = Base64URL.encode(try encoder.encode(header)) + "." + Base64URL.encode(try encoder.encode(claims))
        let signature = try key.signature(for: Data(signingInput.utf8), padding: .insecurePKCS1v1_5)
        return signingInput + "." + Base64URL.encode(signature.rawRepresentation)
    }

    /// The client assertion of RFC 7523 §2.2 as Entra ID wants it: iss = sub = the client,
    /// aud = the token URL, a fresh jti, valid from now for `lifetime` (5–10 minutes).
    public static func clientAssertion(clientID: String, tokenURL: String, thumbprint: String, now: Date,
                                       lifetime: TimeInterval = 600, jti: String = UUID().uuidString) -> JSONWebToken {
        let issued = Int(now.timeIntervalSince1970)
        return JSONWebToken(
            header: Header(x5t: thumbprint),
            claims: Claims(iss: clientID, sub: clientID, aud: tokenURL, jti: jti, iat: issued, nbf: issued,
                           exp: issued + Int(lifetime)))
    }

    /// The authorization grant of RFC 7523 §2.1 as Google wants it from a service account:
    /// iss = the account, sub = the mailbox it acts for, the scope, aud = the token URL, one hour.
    public static func serviceAccountGrant(account: String, keyID: String?, subject: String, scope: String,
                                           tokenURL: String, now: Date) -> JSONWebToken {
        let issued = Int(now.timeIntervalSince1970)
        return JSONWebToken(
            header: Header(kid: keyID),
            claims: Claims(iss: account, sub: subject, aud: tokenURL, scope: scope, iat: issued, exp: issued + 3600))
    }
}

/// A certificate's thumbprint for the `x5t` header: base64url of SHA-1 over its DER bytes.
public enum CertificateThumbprint {
    /// Reads the first `CERTIFICATE` block of a PEM text; nil when there is none.
    public static func x5t(pem: String) -> String? {
        guard let der = firstBlock(of: pem, label: "CERTIFICATE") else { return nil }
        return Base64URL.encode(Array(Insecure.SHA1.hash(data: der)))
    }

    static func firstBlock(of pem: String, label: String) -> Data? {
        guard let begin = pem.range(of: "-----BEGIN \(label)-----"),
              let end = pem.range(of: "-----END \(label)-----", range: begin.upperBound..<pem.endIndex)
        else { return nil }
        let body = pem[begin.upperBound..<end.lowerBound].filter { !$0.isWhitespace }
        return Data(base64Encoded: String(body))
    }
}
