import Config
import Foundation
import Regulation
import Testing
@testable import Bot

/// `cpdbot check` against the sandbox's Dovecot and Postfix: the SASL mechanisms they offer
/// before a login, a mechanism the server lacks, and the clock from an APPEND's INTERNALDATE.
@Suite(.serialized, .enabled(if: MailSandbox.isAvailable, "mail sandbox not running (scripts/mail-sandbox up)"))
struct InstallationCheckSandboxTests {
    static let bot = "staff1520@kazguu.kz"

    func check(_ change: (inout CPDBotConfiguration) -> Void = { _ in }) throws -> InstallationCheck {
        let sandbox = try MailSandbox()
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-checksandbox-\(UUID().uuidString)")
        var configuration = sandbox.configuration(botUser: Self.bot, store: store)
        change(&configuration)
        let templates = MailSandbox.repository.appendingPathComponent("templates")
        return InstallationCheck(configuration: configuration, templatesDirectory: templates, ruleFiles: RuleFiles(nextTo: templates))
    }

    @Test func theSandboxOffersWhatIsConfiguredAndKeepsTime() throws {
        try MailSandbox().reset([Self.bot])
        let results = try check().servers()
        let byName = Dictionary(results.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(results.allSatisfy { $0.status != .failed }, "\(results.map(\.line))")
        #expect(byName["imap.sasl"]?.line.hasPrefix("✓ imap.sasl: imap.auth password over PLAIN (offered: LOGIN OAUTHBEARER PLAIN XOAUTH2)") == true,
                "\(byName["imap.sasl"]?.line ?? "no imap.sasl")")
        #expect(byName["smtp.sasl"]?.status == .ok, "\(byName["smtp.sasl"]?.line ?? "no smtp.sasl")")
        #expect(byName["imap.clock"]?.status == .ok, "\(byName["imap.clock"]?.line ?? "no imap.clock")")
        // The probe is gone from the Ignored folder.
        let left = try MailSandbox().messageIDs(of: Self.bot, in: "Ignored")
        #expect(!left.contains { $0.contains("cpdbot-check-clock") }, "\(left)")
    }

    /// Both bearer mechanisms are offered (as Gmail does): OAUTHBEARER is found without a token.
    @Test func anOAuth2MechanismIsCheckedBeforeAnyToken() throws {
        let result = try check {
            $0.imap.auth = .oauth2
            $0.oauth2.mechanism = .oauthbearer
        }.imapMechanisms()
        #expect(result.status == .ok && result.detail.hasPrefix("imap.auth oauth2 over OAUTHBEARER"), "\(result.line)")
    }

    /// The MX port takes mail from anyone and offers no AUTH: a password login there is named
    /// as the mismatch it is, with the port to use.
    @Test func aPasswordLoginWhereTheServerOffersNoMechanismFails() throws {
        let installation = try check { $0.smtp.url = URL(string: "smtp://127.0.0.1:10025")! }
        let result = installation.smtpMechanisms()
        #expect(result.line.hasPrefix("✗ smtp.sasl: smtp.auth is password, but smtp://127.0.0.1:10025 offers no SASL mechanism – ask"),
                "\(result.line)")
        #expect(result.line.contains("submission port 587"))
    }

    /// This machine's clock ten minutes fast: the server is "600 s behind", and the check fails.
    @Test func aClockTenMinutesOffFails() throws {
        try MailSandbox().reset([Self.bot])
        var installation = try check()
        installation.clockNow = { Date().addingTimeInterval(600) }
        let clock = try #require(installation.imap().first { $0.name == "imap.clock" })
        #expect(clock.status == .failed, "\(clock.line)")
        #expect(clock.detail.contains("behind this machine, more than 60 s"), "\(clock.line)")
    }
}
