import Curl
import Foundation
import Testing
@testable import Mail

extension MailIntegrationTests {
    @Suite struct IMAPLoginTests {
        @Test func logsInOverIMAPSAndReportsCapabilities() throws {
            let sandbox = try Sandbox.open()
            let client = try sandbox.imap("staff1901@kazguu.kz")
            defer { client.logout() }
            #expect(client.isEncrypted)
            #expect(client.capabilities.contains("IMAP4REV1"))
            let status = try client.select("INBOX")
            #expect(status.uidValidity != 0)
            #expect(status.uidNext >= 1)
            #expect(client.isUsable)
        }

        @Test func aClosedSessionSaysSoInsteadOfHanging() throws {
            let sandbox = try Sandbox.open()
            let client = try sandbox.imap("staff1901@kazguu.kz")
            client.logout()
            #expect(!client.isUsable)
            let error = try #require(throws: MailError.self) { try client.select("INBOX") }
            guard case .transport(let curl) = error else { Issue.record("expected a transport error, got \(error)"); return }
            #expect(curl.kind == .connectionLost)
        }

        @Test func wrongPasswordGivesTheLoginError() throws {
            let sandbox = try Sandbox.open()
            let settings = sandbox.settings(user: "staff1901@kazguu.kz", password: "not-the-password")
            let error = try #require(throws: MailError.self) { try IMAPClient(settings: settings) }
            guard case .transport(let curl) = error else { Issue.record("expected a transport error, got \(error)"); return }
            #expect(curl.kind == .loginDenied)
            #expect(error.description.hasPrefix(
                "could not log in to 127.0.0.1:10993 as staff1901@kazguu.kz: authentication failed"))
            #expect(!error.description.contains("not-the-password"))
        }
    }
}
