import Config
import Curl
import Foundation
import OAuth
import Testing
@testable import Bot

/// From `oauth2.*` to what the token client and libcurl get.
@Suite struct ServerSettingsTests {
    static func configuration(_ change: (inout CPDBotConfiguration) -> Void) -> CPDBotConfiguration {
        var configuration = CPDBotConfiguration()
        configuration.imap.user = "shared-hr@kazguu.kz"
        change(&configuration)
        return configuration
    }

    @Test func microsoftTenantGivesEntraIDsEndpointAndExchangeScope() throws {
        let configuration = Self.configuration {
            $0.imap.auth = .oauth2
            $0.oauth2 = .init(provider: .microsoft, tenant: "kazguu.onmicrosoft.com", clientID: "app", clientSecretFile: "s")
        }
        let settings = try #require(ServerSettings.tokenSourceSettings(configuration, environment: [:]))
        #expect(settings.tokenURL == "https://login.microsoftonline.com/kazguu.onmicrosoft.com/oauth2/v2.0/token")
        #expect(settings.scope == "https://outlook.office365.com/.default")
        #expect(settings.clientID == "app")
        #expect(settings.credential == .clientSecret(file: "s"))
        #expect(settings.https.caFile == configuration.tls.caFile)

        let imap = try ServerSettings.imap(configuration, tokens: ServerSettings.tokenCache(configuration, environment: [:]))
        #expect(imap.user == "shared-hr@kazguu.kz")
        guard case .bearer(let mechanism, _) = imap.login else { Issue.record("expected a bearer login"); return }
        #expect(mechanism == .xoauth2)
        #expect(imap.password.isEmpty)
    }

    @Test func googleActsForTheMailboxUnlessASubjectIsGiven() throws {
        var configuration = Self.configuration {
            $0.smtp.auth = .oauth2
            $0.oauth2 = .init(provider: .google, serviceAccountFile: "sa.json", mechanism: .oauthbearer)
        }
        var settings = try #require(ServerSettings.tokenSourceSettings(configuration, environment: [:]))
        #expect(settings.credential == .serviceAccount(file: "sa.json", subject: "shared-hr@kazguu.kz"))
        #expect(settings.tokenURL == nil)  // the service account file's token_uri
        #expect(settings.scope == "https://mail.google.com/")
        configuration.oauth2.subject = "hr@kazguu.kz"
        settings = try #require(ServerSettings.tokenSourceSettings(configuration, environment: [:]))
        #expect(settings.credential == .serviceAccount(file: "sa.json", subject: "hr@kazguu.kz"))
        // IMAP still logs in with its password: only SMTP uses the token.
        let imap = try ServerSettings.imap(configuration, resolver: PasswordResolver(environment: ["CPDBOT_IMAP_PASSWORD": "p"]))
        #expect(!imap.login.isBearer)
        let smtp = try ServerSettings.smtp(configuration, tokens: ServerSettings.tokenCache(configuration, environment: [:]))
        guard case .bearer(let mechanism, _) = smtp.login else { Issue.record("expected a bearer login"); return }
        #expect(mechanism == .oauthBearer)
    }

    @Test func passwordsOnlyMeansNoTokenCache() {
        #expect(ServerSettings.tokenCache(CPDBotConfiguration(), environment: [:]) == nil)
    }
}
