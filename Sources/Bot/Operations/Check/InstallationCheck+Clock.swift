import Config
import Foundation
import Mail

extension InstallationCheck {
    /// The server's clock against this machine's, from the INTERNALDATE the server gives a
    /// message APPENDed now. Greetings carry no time at Dovecot, Exchange Online or Gmail, and
    /// IMAP has no `Date` command; an APPEND without a date-time is stamped with the server's
    /// "now" by all three (RFC 9051 §6.3.12). The probe goes to the bot's folder for ignored
    /// mail (never the intake folder, which a running bot reads), flagged `\Seen \Deleted`,
    /// and is expunged at once.
    func clock(_ client: IMAPClient) -> CheckResult {
        let name = "imap.clock"
        let fix = "check that the IMAP account may APPEND to its folders; the clock itself was not compared"
        let folder: String
        do {
            let server = try client.discoverFolders(sentFallback: configuration.imap.sentFolder)
            folder = MailFolders(configuration: configuration, server: server, learned: nil).ignored
        } catch {
            return .warning(name, "cannot list the folders: \(error)", fix: fix)
        }
        let domain = configuration.bot.address.split(separator: "@").last.map(String.init) ?? "localhost"
        let messageID = "cpdbot-check-clock-\(UUID().uuidString.lowercased())@\(domain)"
        let probe = Data(Self.clockProbe(messageID: messageID, from: configuration.bot.address).utf8)
        do {
            let sentAt = clockNow()
            let appended = try client.append(probe, to: folder, flags: ["\\Seen", "\\Deleted"])
            let answeredAt = clockNow()
            _ = try client.select(folder)
            let uids = try appended.map { [$0] } ?? client.searchUIDs(header: "Message-ID", value: "<\(messageID)>")
            var serverTime: Date?
            try client.fetch(uids: uids) { message in serverTime = serverTime ?? message.internalDate }
            if !uids.isEmpty { try client.delete(uids: uids) }
            guard let serverTime else {
                return .warning(name, "the server gave the test message in \(folder) no INTERNALDATE", fix: fix)
            }
            return Self.clockSkew(serverTime: serverTime, sentAt: sentAt, answeredAt: answeredAt,
                                  maximum: maximumClockSkewSeconds, server: configuration.imap.url.absoluteString)
        } catch {
            return .warning(name, "could not put a test message into \(folder): \(error)", fix: fix)
        }
    }

    /// The probe's `Date:` lies in 2000 on purpose: a server that took it for the INTERNALDATE
    /// (instead of its own clock) is recognised instead of agreeing with this machine by construction.
    static let clockProbeDate = Date(timeIntervalSince1970: 946_684_800)

    static func clockProbe(messageID: String, from address: String) -> String {
        [
            "From: <\(address)>", "To: <\(address)>", "Subject: cpdbot check: clock",
            "Date: Sat, 01 Jan 2000 00:00:00 +0000", "Message-ID: <\(messageID)>", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=us-ascii", "Auto-Submitted: auto-generated", "",
            "cpdbot check compares its clock with the mail server's; this message is deleted at once.", "",
        ].joined(separator: "\r\n")
    }

    /// The skew between the server's INTERNALDATE and this machine's clock while the APPEND was
    /// under way (pure). INTERNALDATE has whole seconds, so the server's moment lies within
    /// [sentAt, answeredAt] plus one second; only what lies beyond that window counts.
    static func clockSkew(serverTime: Date, sentAt: Date, answeredAt: Date, maximum: TimeInterval, server: String) -> CheckResult {
        let name = "imap.clock"
        if abs(serverTime.timeIntervalSince(clockProbeDate)) < 86_400 {
            return .warning(name, "\(server) dates an appended message by its Date: header, so its clock cannot be read this way",
                            fix: "compare the clocks by hand (date -u here, a fresh message's Received: header there)")
        }
        let middle = sentAt.addingTimeInterval(answeredAt.timeIntervalSince(sentAt) / 2)
        let offset = serverTime.addingTimeInterval(0.5).timeIntervalSince(middle)
        let uncertainty = answeredAt.timeIntervalSince(sentAt) / 2 + 0.5
        let beyond = max(0, abs(offset) - uncertainty)
        let seconds = Int(abs(offset).rounded())
        let direction = offset >= 0 ? "ahead of" : "behind"
        let detail = beyond < 1 ? "the same as this machine's, within \(max(1, Int(uncertainty.rounded(.up)))) s"
            : "\(server) is \(seconds) s \(direction) this machine"
        guard beyond <= maximum else {
            return .failed(name, detail + ", more than \(Int(maximum)) s",
                           fix: "synchronise this machine's clock (timedatectl set-ntp true; timedatectl timesync-status), "
                               + "or tell the mail administrators if theirs is wrong: received times, deadlines and OAuth2 assertions depend on both")
        }
        return .ok(name, detail)
    }
}
