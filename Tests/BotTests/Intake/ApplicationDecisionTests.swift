import Foundation
import Testing
@testable import Intake

/// The receipt's content decision without a store: which cycle, under which Message-ID, and
/// whether an application replaces the unit's stored one (an older message never does).
@Suite struct ApplicationDecisionTests {
    /// 10 May 2026, 12:00 in Almaty (UTC+5).
    static let may10 = Date(timeIntervalSince1970: 1_778_396_400)

    @Test func aFirstApplicationIsStoredUnderItsMessageID() {
        let decision = ApplicationDecision(receivedAt: Self.may10, messageID: "<a@x>", hash: "h", stored: nil)
        #expect(decision == ApplicationDecision(cycle: ApplicationCycle(name: "2026-2027", late: false), messageID: "<a@x>", replacesStored: true))
    }

    @Test func aMessageWithoutMessageIDIsNamedByItsHash() {
        #expect(ApplicationDecision(receivedAt: Self.may10, messageID: nil, hash: "abc", stored: nil).messageID == "sha256:abc")
    }

    @Test func anOlderMessageNeverReplacesANewerApplication() {
        let newer = (receivedAt: Self.may10.addingTimeInterval(3600), messageID: "<new@x>")
        #expect(!ApplicationDecision(receivedAt: Self.may10, messageID: "<old@x>", hash: "h", stored: newer).replacesStored)
        // The same message again (a crash before the move) and a later one do replace it.
        #expect(ApplicationDecision(receivedAt: Self.may10, messageID: "<new@x>", hash: "h", stored: newer).replacesStored)
        #expect(ApplicationDecision(receivedAt: Self.may10.addingTimeInterval(7200), messageID: "<later@x>", hash: "h", stored: newer).replacesStored)
    }
}
