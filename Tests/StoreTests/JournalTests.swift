import Foundation
import Testing
@testable import Store

@Suite struct JournalTests {
    @Test func appendedEventsReadBackInOrderAndSummarise() throws {
        let dir = try TemporaryDirectory()
        let journal = try dir.store().journal
        let t0 = Date(timeIntervalSince1970: 1_780_000_000)
        try journal.append(JournalEvent(at: t0, event: .received, messageID: "a@x", uid: 7, from: "head@kazguu.kz", sha256: "aa"))
        try journal.append(JournalEvent(at: t0, event: .routed, messageID: "a@x", uid: 7, outcome: "processed", folder: "Processed", sha256: "aa"))
        try journal.append(JournalEvent(at: t0 + 1, event: .routed, messageID: "b@x", outcome: "ignored", folder: "Ignored", sha256: "bb"))
        try journal.append(JournalEvent(at: t0 + 2, event: .sendFailed, messageID: "r@x", detail: "SMTP 451 try later"))
        try journal.append(JournalEvent(at: t0 + 3, event: .poll))

        let (events, skipped) = try journal.events()
        #expect(skipped == 0)
        #expect(events.map(\.event) == [.received, .routed, .routed, .sendFailed, .poll])
        #expect(events[0].uid == 7)

        let summary = try journal.summary()
        #expect(summary.outcomes == ["processed": 1, "ignored": 1])
        #expect(summary.events["routed"] == 2)
        #expect(summary.lastPoll == t0 + 3)
        #expect(summary.lastError?.detail == "SMTP 451 try later")
        #expect(try journal.routedContentHashes() == ["aa", "bb"])
    }

    @Test func linesUseTheDocumentedKeys() throws {
        let dir = try TemporaryDirectory()
        let journal = try dir.store().journal
        try journal.append(JournalEvent(event: .routed, messageID: "m@x", uid: 3, outcome: "rejected", folder: "Rejected", from: "a@b.kz", detail: "d"))
        let text = try String(contentsOf: journal.url, encoding: .utf8)
        for key in ["\"at\"", "\"event\":\"routed\"", "\"message_id\":\"m@x\"", "\"uid\":3", "\"outcome\":\"rejected\"", "\"folder\":\"Rejected\"", "\"from\":\"a@b.kz\"", "\"detail\":\"d\""] {
            #expect(text.contains(key), "\(key)")
        }
        #expect(text.hasSuffix("\n"))
        #expect(try TemporaryDirectory.mode(journal.url.path) == 0o600)
    }

    @Test func aHalfWrittenLineIsSkippedAndTheNextAppendStartsFresh() throws {
        let dir = try TemporaryDirectory()
        let journal = try dir.store().journal
        try journal.append(JournalEvent(event: .poll))
        // A crash in the middle of a write leaves a line without its end.
        let handle = try FileHandle(forWritingTo: journal.url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"at\":\"2026-05-".utf8))
        try handle.close()
        try journal.append(JournalEvent(event: .sent, messageID: "after@x"))
        let (events, skipped) = try journal.events()
        #expect(skipped == 1)
        #expect(events.map(\.event) == [.poll, .sent])
    }

    @Test(arguments: [
        ("IMAP said: A1 LOGIN bot@kazguu.kz s3cr3t-pass", "s3cr3t-pass"),
        ("config password=hunter2 rejected", "hunter2"),
        ("url imaps://bot:topsecret@127.0.0.1:993/INBOX failed", "topsecret"),
        ("AUTHENTICATE PLAIN AGJvdABzM2NyM3Q=", "AGJvdABzM2NyM3Q="),
        ("pass: \"with space\"", "with space"),
        // Issue 18: OAuth2 tokens, client secrets, assertions and SASL payloads.
        ("HTTP/1.1 401: Authorization: Bearer eyJ0eXAi.eyJzdWIi.c2lnbmF0dXJl", "c2lnbmF0dXJl"),
        ("auth=Bearer ya29.a0AfH6SMC-opaque_token", "ya29.a0AfH6SMC-opaque_token"),
        ("answer {\"token_type\":\"Bearer\",\"access_token\":\"tok-123.456\",\"expires_in\":20}", "tok-123.456"),
        ("form grant_type=client_credentials&client_id=cpdbot&client_secret=Xy~9.secret&scope=mail", "Xy~9.secret"),
        ("client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer&client_assertion=abc.def.ghi", "abc.def.ghi"),
        ("grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=header.claims.sig", "header.claims.sig"),
        ("sent a JWT eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln to the endpoint", "eyJpc3MiOiJ4In0"),
        ("A1 AUTHENTICATE XOAUTH2 dXNlcj1ib3QBYXV0aD1CZWFyZXIgdG9rAQE=", "dXNlcj1ib3QBYXV0aD1CZWFyZXIgdG9rAQE="),
        ("AUTH OAUTHBEARER bixhPWJvdCwBYXV0aD1CZWFyZXIgeAEB", "bixhPWJvdCwBYXV0aD1CZWFyZXIgeAEB"),
        ("> AUTH XOAUTH2\n< 334\n> dXNlcj1ib3QBYXV0aD1CZWFyZXIgdG9rAQE=\n< 235 ok", "dXNlcj1ib3QBYXV0aD1CZWFyZXIgdG9rAQE="),
        ("C1 AUTHENTICATE OAUTHBEARER\nbixhPWJvdCwBYXV0aD1CZWFyZXIgeAEB", "bixhPWJvdCwBYXV0aD1CZWFyZXIgeAEB"),
    ])
    func credentialsNeverReachTheJournal(detail: String, secret: String) throws {
        let dir = try TemporaryDirectory()
        let journal = try dir.store().journal
        try journal.append(JournalEvent(event: .error, detail: detail))
        let text = try String(contentsOf: journal.url, encoding: .utf8)
        #expect(!text.contains(secret))
        #expect(text.contains("[redacted]"))
    }

    @Test(arguments: [
        "could not connect to 127.0.0.1:10993: connection refused (password not sent)",
        "the token endpoint 127.0.0.1:10443 refused client cpdbot-secret: invalid_client (AADSTS7000222: the client secret has expired) (HTTP 401)",
        "receipt for message 3f2a9c1e sent to a.seitkali@kazguu.kz",
    ])
    func ordinaryTextIsLeftAlone(text: String) {
        #expect(CredentialRedactor.redact(text) == text)
    }
}
