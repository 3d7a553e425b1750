import Config
import Foundation
import Testing
@testable import Bot

/// `cpdbot check`: the SASL mechanism against what the server offers, and the clock (pure parts).
@Suite struct InstallationCheckMechanismTests {
    typealias Auth = CPDBotConfiguration.Authentication

    /// What Exchange Online, Gmail and the sandbox's Dovecot/Postfix offer, against each setting.
    @Test(arguments: [
        // (section, auth, mechanism, offered, LOGIN command allowed, expected status, words in the line)
        ("imap", Auth.password, "xoauth2", ["PLAIN", "XOAUTH2"], true, CheckResult.Status.ok, "over PLAIN"),
        ("smtp", .password, "xoauth2", ["LOGIN", "XOAUTH2"], false, .ok, "over LOGIN"),
        ("imap", .password, "xoauth2", [], true, .ok, "the LOGIN command"),
        ("imap", .password, "xoauth2", ["XOAUTH2"], false, .failed, "set imap.auth: oauth2"),
        ("smtp", .password, "xoauth2", [], false, .failed, "not the MX port 25"),
        ("imap", .oauth2, "xoauth2", ["PLAIN", "XOAUTH2"], true, .ok, "over XOAUTH2"),
        ("imap", .oauth2, "oauthbearer", ["PLAIN", "XOAUTH2"], true, .failed, "set oauth2.mechanism: xoauth2"),
        ("smtp", .oauth2, "oauthbearer", ["LOGIN", "PLAIN", "XOAUTH2", "OAUTHBEARER"], false, .ok, "over OAUTHBEARER"),
        ("smtp", .oauth2, "xoauth2", ["LOGIN", "PLAIN"], false, .failed, "set smtp.auth: password"),
    ] as [(String, Auth, String, Set<String>, Bool, CheckResult.Status, String)])
    func theConfiguredMechanismMustBeOffered(section: String, auth: Auth, mechanism: String, offered: Set<String>,
                                             loginCommand: Bool, status: CheckResult.Status, words: String) throws {
        let result = InstallationCheck.mechanismCheck(
            section: section, auth: auth, mechanism: try #require(CPDBotConfiguration.OAuth2.Mechanism(rawValue: mechanism)),
            offered: offered, loginCommand: loginCommand, server: "imaps://mail.kazguu.kz:993")
        #expect(result.status == status, "\(result.line)")
        #expect(result.line.contains(words), "\(result.line)")
        #expect(result.name == "\(section).sasl")
    }

    @Test func aFailureNamesTheKeyAndWhatTheServerOffers() {
        let result = InstallationCheck.mechanismCheck(section: "imap", auth: .oauth2, mechanism: .oauthbearer,
                                                      offered: ["PLAIN", "XOAUTH2"], loginCommand: true,
                                                      server: "imaps://outlook.office365.com:993")
        #expect(result.line == "✗ imap.sasl: oauth2.mechanism is oauthbearer (for imap.auth: oauth2), but "
            + "imaps://outlook.office365.com:993 offers PLAIN XOAUTH2 – set oauth2.mechanism: xoauth2")
    }

    static let sent = Date(timeIntervalSince1970: 1_796_619_600.3)

    @Test func theClockIsCompatibleWithinTheRoundTripAndTheWholeSecond() {
        // The server truncates to whole seconds; an answer within 0.4 s is the same clock.
        let same = InstallationCheck.clockSkew(serverTime: Date(timeIntervalSince1970: 1_796_619_600), sentAt: Self.sent,
                                               answeredAt: Self.sent + 0.4, maximum: 60, server: "s")
        #expect(same.status == .ok && same.detail.hasPrefix("the same as this machine's"), "\(same.line)")
        let minuteAhead = InstallationCheck.clockSkew(serverTime: Self.sent + 59, sentAt: Self.sent, answeredAt: Self.sent + 0.2,
                                                      maximum: 60, server: "s")
        #expect(minuteAhead.status == .ok && minuteAhead.detail == "s is 59 s ahead of this machine", "\(minuteAhead.line)")
    }

    @Test func aSkewBeyondTheMaximumFailsWithWhatToDo() {
        let behind = InstallationCheck.clockSkew(serverTime: Self.sent - 300, sentAt: Self.sent, answeredAt: Self.sent + 0.2,
                                                 maximum: 60, server: "imaps://127.0.0.1:10993")
        #expect(behind.status == .failed)
        #expect(behind.line.hasPrefix("✗ imap.clock: imaps://127.0.0.1:10993 is 300 s behind this machine, more than 60 s – synchronise"),
                "\(behind.line)")
        // A slow answer widens the window instead of failing: 100 s round trip, 90 s apart.
        let slow = InstallationCheck.clockSkew(serverTime: Self.sent + 140, sentAt: Self.sent, answeredAt: Self.sent + 100,
                                               maximum: 60, server: "s")
        #expect(slow.status == .ok, "\(slow.line)")
    }

    @Test func aServerThatDatesByTheHeaderIsNotTakenForAClock() {
        let result = InstallationCheck.clockSkew(serverTime: InstallationCheck.clockProbeDate, sentAt: Self.sent,
                                                 answeredAt: Self.sent + 0.1, maximum: 60, server: "s")
        #expect(result.status == .warning)
    }
}
