import Crypto
import Foundation
import Testing
import _CryptoExtras
@testable import OAuth

/// JWTs are checked the way a token endpoint checks them: split, base64url-decoded, and the
/// signature verified with the public key by swift-crypto.
@Suite struct JSONWebTokenTests {
    /// A throwaway self-signed certificate; its SHA-1 thumbprint was computed by
    /// `openssl x509 -outform DER | openssl dgst -sha1 -binary | base64url`.
    static let certificate = """
-----BEGIN CERTIFICATE-----
MIIDDzCCAfegAwIBAgIUAhLA3KAR1iBViBOWFyYkRHVQk7swDQYJKoZIhvcNAQEL
BQAwFjEUMBIGA1UEAwwLY3BkYm90LXRlc3QwIBcNMjYxMjA3MDAwNjQ4WhgPMjEy
NjExMTMwMDA2NDhaMBYxFDASBgNVBAMMC2NwZGJvdC10ZXN0MIIBIjANBgkqhkiG
9w0BAQEFAAOCAQ8AMIIBCgKCAQEAiL0hDFtM/DMnijUBpk1UP3nv8i3kJK5rrZIF
JpYz+5tFSbirmeXGzRf9NBh2D6dRpOhYUgAgs5Y8S+Vj3XO7AoglVH4r3Yegvch+
ayclO+NpeZpXCqkSVtGlZ9hFRW/D4Ebb+yBSdC0qpQumfkv0S2iVsNHiBeg8NgPa
W9Slt8iNmQTDNrynkmEQLGHhlQWx6xJ1VHxsRTbmq2cfXKA+u6KuLHVEdy3pWVl+
KkKlHpkepoDsLV2KKU1AY9qGgd0UYGqUzGP5Cl+d2np8+Uh5XizCFhnIHaRx4Tg8
EHQsFES0J/BJmZftdAW23cUKvWNd7Wc/eGuldIZiZnoAtC21oQIDAQABo1MwUTAd
BgNVHQ4EFgQUZtrTu+bi2aVaY5BJnrx7dTMEnsowHwYDVR0jBBgwFoAUZtrTu+bi
2aVaY5BJnrx7dTMEnsowDwYDVR0TAQH/BAUwAwEB/zANBgkqhkiG9w0BAQsFAAOC
AQEAAn+QS5d5CbZCQiw5d7pNMFAdng43oJcQNi9k45fawYDqsuxne7t7U8OwUyuc
/yenvzEoc6FhlP0Aoq/DlMjFTSZvI5Gp3myZEoc2NMQ1nNhcjESsp5OrFNhoslGb
YT87KIUIhn4kgBV9DkcOCJH47A+BQ1MO5zzmK+CX6//UV068O3MMffglDlMOs2qA
Neb/I61YcraqMO4obce7IDzBZ14sDHtHtWXs70i32p/4amFlHkD6DEsIV1ON1xWA
TjflX2Mml7/BL0f1s2EPG/ZQpKcrcqwHZryH8QQrPULtz8l/CkilxRHF97oY99as
XRxlM5kH3MXtcJUCH8mnPBlz7g==
-----END CERTIFICATE-----
"""
    static let opensslX5T = "AA8-JONOGorHVaA89aB3yvmyS6Q"

    static let key = try! _RSA.Signing.PrivateKey(keySize: .bits2048)

    struct Decoded {
        var header: [String: Any]
        var claims: [String: Any]
        var signingInput: String
        var signature: Data
    }

    static func decode(_ jwt: String) throws -> Decoded {
        let parts = jwt.split(separator: ".", omittingEmptySubsequences: false)
        try #require(parts.count == 3)
        let header = try #require(Base64URL.decode(parts[0]))
        let claims = try #require(Base64URL.decode(parts[1]))
        return Decoded(
            header: try #require(try JSONSerialization.jsonObject(with: header) as? [String: Any]),
            claims: try #require(try JSONSerialization.jsonObject(with: claims) as? [String: Any]),
            signingInput: parts[0] + "." + parts[1],
            signature: try #require(Base64URL.decode(parts[2])))
    }

    static func verifies(_ decoded: Decoded, with key: _RSA.Signing.PublicKey) -> Bool {
        key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: decoded.signature),
                             for: Data(decoded.signingInput.utf8), padding: .insecurePKCS1v1_5)
    }

    @Test func thumbprintIsBase64URLSHA1OfTheDER() {
        #expect(CertificateThumbprint.x5t(pem: Self.certificate) == Self.opensslX5T)
        #expect(CertificateThumbprint.x5t(pem: "no certificate here") == nil)
    }

    @Test func clientAssertionCarriesWhatEntraIDChecks() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let jwt = try JSONWebToken.clientAssertion(
            clientID: "1234-client", tokenURL: "https://login.microsoftonline.com/t/oauth2/v2.0/token",
            thumbprint: Self.opensslX5T, now: now, jti: "id-1").signed(with: Self.key)
        let decoded = try Self.decode(jwt)
        #expect(decoded.header["alg"] as? String == "RS256")
        #expect(decoded.header["typ"] as? String == "JWT")
        #expect(decoded.header["x5t"] as? String == Self.opensslX5T)
        #expect(decoded.claims["iss"] as? String == "1234-client")
        #expect(decoded.claims["sub"] as? String == "1234-client")
        #expect(decoded.claims["aud"] as? String == "https://login.microsoftonline.com/t/oauth2/v2.0/token")
        #expect(decoded.claims["jti"] as? String == "id-1")
        #expect(decoded.claims["nbf"] as? Int == 1_800_000_000)
        let lifetime = try #require(decoded.claims["exp"] as? Int) - 1_800_000_000
        #expect((300...600).contains(lifetime))
        #expect(Self.verifies(decoded, with: Self.key.publicKey))
    }

    @Test func serviceAccountGrantCarriesWhatGoogleChecks() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let jwt = try JSONWebToken.serviceAccountGrant(
            account: "cpdbot@project.iam.gserviceaccount.com", keyID: "k1", subject: "hr-intake@kazguu.kz",
            scope: "https://mail.google.com/", tokenURL: "https://oauth2.googleapis.com/token", now: now).signed(with: Self.key)
        let decoded = try Self.decode(jwt)
        #expect(decoded.header["kid"] as? String == "k1")
        #expect(decoded.header["x5t"] == nil)
        #expect(decoded.claims["iss"] as? String == "cpdbot@project.iam.gserviceaccount.com")
        #expect(decoded.claims["sub"] as? String == "hr-intake@kazguu.kz")
        #expect(decoded.claims["scope"] as? String == "https://mail.google.com/")
        #expect(decoded.claims["aud"] as? String == "https://oauth2.googleapis.com/token")
        #expect(decoded.claims["exp"] as? Int == 1_800_003_600)
        #expect(Self.verifies(decoded, with: Self.key.publicKey))
    }

    @Test func aSignatureByAnotherKeyDoesNotVerify() throws {
        let other = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let jwt = try JSONWebToken.clientAssertion(clientID: "c", tokenURL: "https://x/token", thumbprint: "t", now: Date())
            .signed(with: other)
        #expect(!Self.verifies(try Self.decode(jwt), with: Self.key.publicKey))
    }
}
