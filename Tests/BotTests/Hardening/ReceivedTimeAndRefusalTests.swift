import Foundation
@testable import Intake
import MIME
import Testing
@testable import Bot

/// The server's time decides the cycle; refused messages still name their sender (issue 13).
@Suite struct ReceivedTimeAndRefusalTests {
    static func at(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    private func mail(date: String) -> [UInt8] {
        Array("From: <a.seitkali@kazguu.kz>\r\nSubject: x\r\nDate: \(date)\r\nMessage-ID: <d@x>\r\n\r\nbody\r\n".utf8)
    }

    /// Sent on 6 December with `Date: 29 May 2026`: the December cycle, and the skew is noted.
    @Test func backdatedMailCountsWhenTheServerGotIt() throws {
        let received = Self.at("2026-12-06T09:00:00Z")
        let reading = try MessageReading.read(mail(date: "Fri, 29 May 2026 10:00:00 +0500"), receivedAt: received, limits: .init())
        #expect(reading.receivedAt == received)
        let cycle = ApplicationCycle.of(receivedAt: reading.receivedAt)
        #expect(cycle == ApplicationCycle(name: "2027-2028", late: false))
        let skew = try #require(reading.dateSkewSeconds)
        #expect(skew < -180 * 24 * 3600)
        #expect(MessageHandler.describe(skew: skew).hasSuffix("days before"))
    }

    @Test func futureDatedMailIsNotedToo() throws {
        let received = Self.at("2026-05-20T09:00:00Z")
        let reading = try MessageReading.read(mail(date: "Sat, 30 May 2026 10:00:00 +0500"), receivedAt: received, limits: .init())
        #expect(ApplicationCycle.of(receivedAt: reading.receivedAt) == ApplicationCycle(name: "2026-2027", late: false))
        #expect((reading.dateSkewSeconds ?? 0) > 24 * 3600)
        #expect(MessageHandler.describe(skew: reading.dateSkewSeconds ?? 0).hasSuffix("days after"))
    }

    @Test func aFewHoursOffIsNormal() throws {
        let received = Self.at("2026-05-20T09:00:00Z")
        let reading = try MessageReading.read(mail(date: "Wed, 20 May 2026 02:00:00 +0000"), receivedAt: received, limits: .init())
        #expect(reading.dateSkewSeconds == nil)
        let undated = try MessageReading.read(Array("From: a@b.kz\r\n\r\nx".utf8), receivedAt: received, limits: .init())
        #expect(undated.dateSkewSeconds == nil)
    }

    @Test(arguments: [
        (MIMEError.limitExceeded(limit: .parts, actual: 1001, maximum: 1000), MessageRefusal.Kind.tooManyParts, "limits.max_mime_parts"),
        (.limitExceeded(limit: .nestingDepth, actual: 33, maximum: 32), .tooDeep, "limits.max_mime_depth"),
        (.limitExceeded(limit: .headerLineLength, actual: 70000, maximum: 65536), .headerLineTooLong, "limits.max_header_line_bytes"),
        (.limitExceeded(limit: .headerBytes, actual: 2 << 20, maximum: 1 << 20), .headerTooLarge, "limits.max_header_bytes"),
        (.limitExceeded(limit: .messageBytes, actual: 30 << 20, maximum: 25 << 20), .tooLarge, "limits.max_message_bytes"),
    ])
    func everyLimitNamesARealKey(_ error: MIMEError, _ kind: MessageRefusal.Kind, _ key: String) throws {
        let refusal = MessageRefusal(error)
        #expect(refusal.kind == kind)
        #expect(refusal.configurationKey == key)
        #expect(refusal.detail.contains(key))
        let report = refusal.reportValues()
        #expect(report["limit_key"] as? String == key)
        #expect(report["limit_actual"] != nil && report["limit_maximum"] != nil)
        #expect(refusal.replyValues(name: "A", originalSubject: "s")[kind.rawValue] as? Bool == true)
        #expect(!error.description.contains("raise the limit"))
    }

    @Test func theHeaderOfARefusedMessageIsStillRead() throws {
        let longLine = "X-Junk: " + String(repeating: "a", count: 200_000) + "\r\n"
        let raw = Array(("From: =?UTF-8?B?0JDQudCz0q/Qu9GMINCh0LXQudGC0pvQsNC70Lg=?= <a.seitkali@kazguu.kz>\r\n" + longLine
            + "Subject: =?UTF-8?B?0ozRgtGW0L3RltC8?=\r\nMessage-ID: <big@x>\r\n\r\nbody").utf8)
        #expect(throws: MIMEError.self) { try MessageParser().parse(raw) }
        let header = try #require(HeaderPeek.header(of: raw))
        #expect(header.sender?.lowercasedAddress == "a.seitkali@kazguu.kz")
        #expect(header.messageID == "<big@x>")
        #expect(HeaderPeek.header(of: []) == nil)
    }
}
