import Curl
import Foundation
import Testing
import _CryptoExtras
@testable import OAuth

/// The grants as they go to the endpoint (a recording transport stands in for libcurl), and
/// what comes back as tokens or as errors.
@Suite struct TokenClientTests {
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var _requests: [(url: String, form: [String: String])] = []
        var requests: [(url: String, form: [String: String])] { lock.withLock { _requests } }
        func add(_ url: String, _ form: String) {
            var fields: [String: String] = [:]
            for pair in form.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? "" }
                fields[parts[0]] = parts.count > 1 ? parts[1] : ""
            }
            lock.withLock { _requests.append((url, fields)) }
        }
    }

    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func client(_ credential: TokenSourceSettings.Credential, url: String? = "https://127.0.0.1:10443/t/token",
                       environment: [String: String] = [:], status: Int = 200, body: String,
                       recorder: Recorder = Recorder()) -> TokenClient {
        let settings = TokenSourceSettings(tokenURL: url, clientID: "cpdbot-secret", scope: "mail", credential: credential,
                                           https: HTTPSRequestSettings(), environment: environment)
        return TokenClient(settings: settings, transport: { url, form throws(CurlError) in
            recorder.add(url, form)
            return HTTPSResponse(status: status, body: Data(body.utf8))
        }, now: { now })
    }

    static func secretFile(_ content: String, mode: Int = 0o600) throws -> (directory: URL, path: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("oauth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("client-secret").path
        FileManager.default.createFile(atPath: path, contents: Data(content.utf8), attributes: [.posixPermissions: mode])
        return (directory, path)
    }

    @Test func clientSecretGrantPostsTheSecretFromItsFileAndReadsTheToken() throws {
        let (directory, path) = try Self.secretFile("s3cret~value\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let recorder = Recorder()
        let client = Self.client(.clientSecret(file: path),
                                 body: #"{"access_token":"tok-1","token_type":"Bearer","expires_in":3599}"#, recorder: recorder)
        let token = try client.requestToken()
        #expect(token.value == "tok-1")
        #expect(token.expiresAt == Self.now.addingTimeInterval(3599))
        #expect(!token.description.contains("tok-1"))
        let request = try #require(recorder.requests.first)
        #expect(request.url == "https://127.0.0.1:10443/t/token")
        #expect(request.form == ["grant_type": "client_credentials", "client_id": "cpdbot-secret",
                                 "client_secret": "s3cret~value", "scope": "mail"])
    }

    @Test func systemdCredentialsDirectoryIsLookedInFirst() throws {
        let (directory, _) = try Self.secretFile("from-credentials")
        defer { try? FileManager.default.removeItem(at: directory) }
        let recorder = Recorder()
        let client = Self.client(.clientSecret(file: "client-secret"), environment: ["CREDENTIALS_DIRECTORY": directory.path],
                                 body: #"{"access_token":"t","token_type":"Bearer","expires_in":60}"#, recorder: recorder)
        _ = try client.requestToken()
        #expect(recorder.requests.first?.form["client_secret"] == "from-credentials")
    }

    @Test func refusalNamesEndpointAndClientAndQuotesTheReasonButNotTheSecret() throws {
        let (directory, path) = try Self.secretFile("revoked-secret")
        defer { try? FileManager.default.removeItem(at: directory) }
        let body = #"{"error":"invalid_client","error_description":"AADSTS7000222: The provided client secret keys are expired.\r\nTrace ID: 1\r\nCorrelation ID: 2"}"#
        let client = Self.client(.clientSecret(file: path), status: 401, body: body)
        do {
            _ = try client.requestToken()
            Issue.record("expected a refusal")
        } catch {
            #expect(error.description == "the token endpoint 127.0.0.1:10443 refused client cpdbot-secret: invalid_client "
                + "(AADSTS7000222: The provided client secret keys are expired.) (HTTP 401)")
            #expect(error.needsAttentionNow)
            #expect(!error.description.contains("revoked-secret"))
        }
    }

    @Test func temporaryRefusalAndGarbageDoNotNeedAPersonAtOnce() throws {
        let (directory, path) = try Self.secretFile("x")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: OAuthError(.refused(status: 503, error: "temporarily_unavailable", errorDescription: nil),
                                   endpoint: "127.0.0.1:10443", client: "cpdbot-secret")) {
            _ = try Self.client(.clientSecret(file: path), status: 503, body: #"{"error":"temporarily_unavailable"}"#).requestToken()
        }
        do {
            _ = try Self.client(.clientSecret(file: path), status: 502, body: "<html>bad gateway</html>").requestToken()
        } catch {
            #expect(error.description.hasPrefix("the token endpoint 127.0.0.1:10443 answered client cpdbot-secret with no usable token (HTTP 502): not JSON"))
            #expect(!error.needsAttentionNow)
        }
    }

    @Test func aSecretFileOthersCanReadIsRefusedBeforeAnyRequest() throws {
        let (directory, path) = try Self.secretFile("x", mode: 0o644)
        defer { try? FileManager.default.removeItem(at: directory) }
        let recorder = Recorder()
        do {
            _ = try Self.client(.clientSecret(file: path), body: "{}", recorder: recorder).requestToken()
            Issue.record("expected a refusal")
        } catch {
            #expect(error.needsAttentionNow)
            #expect(error.description.contains("oauth2.client_secret_file: \(path) can be read by other users (mode 0644)"))
        }
        #expect(recorder.requests.isEmpty)
    }

    @Test func aMissingSecretFileNamesItsKey() {
        do {
            _ = try Self.client(.clientSecret(file: "/nonexistent/secret"), body: "{}").requestToken()
        } catch {
            #expect(error.description == "cannot ask the token endpoint 127.0.0.1:10443 for a token for client cpdbot-secret: "
                + "oauth2.client_secret_file: cannot read /nonexistent/secret: no such file or no permission")
        }
    }

    @Test func certificateGrantSendsAnAssertionSignedByTheKey() throws {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let (directory, keyPath) = try Self.secretFile(key.pemRepresentation)
        defer { try? FileManager.default.removeItem(at: directory) }
        let certificatePath = directory.appendingPathComponent("cert.pem").path
        FileManager.default.createFile(atPath: certificatePath, contents: Data(JSONWebTokenTests.certificate.utf8),
                                       attributes: [.posixPermissions: 0o644])
        let recorder = Recorder()
        _ = try Self.client(.certificate(certificateFile: certificatePath, privateKeyFile: keyPath),
                            body: #"{"access_token":"t","token_type":"Bearer","expires_in":60}"#, recorder: recorder).requestToken()
        let form = try #require(recorder.requests.first?.form)
        #expect(form["grant_type"] == "client_credentials")
        #expect(form["client_assertion_type"] == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        #expect(form["client_secret"] == nil)
        let decoded = try JSONWebTokenTests.decode(try #require(form["client_assertion"]))
        #expect(decoded.header["x5t"] as? String == JSONWebTokenTests.opensslX5T)
        #expect(decoded.claims["aud"] as? String == "https://127.0.0.1:10443/t/token")
        #expect(JSONWebTokenTests.verifies(decoded, with: key.publicKey))
    }

    @Test func serviceAccountGrantUsesTheFilesAccountKeyAndEndpoint() throws {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let account: [String: String] = [
            "type": "service_account", "client_email": "bot@p.iam.gserviceaccount.com", "private_key_id": "kid-7",
            "private_key": key.pemRepresentation, "token_uri": "https://127.0.0.1:10443/google/token",
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: account), as: UTF8.self)
        let (directory, path) = try Self.secretFile(json)
        defer { try? FileManager.default.removeItem(at: directory) }
        let recorder = Recorder()
        _ = try Self.client(.serviceAccount(file: path, subject: "hr-intake@kazguu.kz"), url: nil,
                            body: #"{"access_token":"t","token_type":"Bearer","expires_in":60}"#, recorder: recorder).requestToken()
        let request = try #require(recorder.requests.first)
        #expect(request.url == "https://127.0.0.1:10443/google/token")
        #expect(request.form["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer")
        let decoded = try JSONWebTokenTests.decode(try #require(request.form["assertion"]))
        #expect(decoded.header["kid"] as? String == "kid-7")
        #expect(decoded.claims["iss"] as? String == "bot@p.iam.gserviceaccount.com")
        #expect(decoded.claims["sub"] as? String == "hr-intake@kazguu.kz")
        #expect(decoded.claims["scope"] as? String == "mail")
        #expect(JSONWebTokenTests.verifies(decoded, with: key.publicKey))
    }
}
