import Foundation
import Intake
import MIME
import Mail
import Testing
@testable import Bot

/// Readings come back in the order the messages were submitted, whatever order the worker
/// threads finish in; the window is bounded by count and by bytes; `discard` drops the rest.
@Suite struct ReadAheadTests {
    static func message(_ uid: UInt32, bodyBytes: Int = 100) -> FetchedMessage {
        let raw = "From: <staff1424@kazguu.kz>\r\nSubject: \(uid)\r\nMessage-ID: <read-ahead-\(uid)@kazguu.kz>\r\n\r\n"
            + String(repeating: "x", count: bodyBytes) + "\r\n"
        let data = Data(raw.utf8)
        return FetchedMessage(uid: uid, size: data.count, flags: [], internalDate: Date(), content: .complete(data))
    }

    @Test func readingsComeBackInSubmissionOrder() {
        let reader = ReadAhead(window: 64, maxBytes: 1 << 30, limits: .init(), ownAddress: nil)
        defer { reader.discard() }
        // Large and small messages mixed, so that the workers finish out of order.
        for uid in UInt32(1)...40 {
            reader.submit(Self.message(uid, bodyBytes: uid % 3 == 0 ? 200_000 : 10), fetchedAt: Date())
        }
        #expect(reader.count == 40)
        var uids: [UInt32] = []
        while let prepared = reader.next() {
            uids.append(prepared.fetched.uid)
            if case .success(let reading)? = prepared.reading {
                #expect(reading.summary.subject == "\(prepared.fetched.uid)")
            } else {
                Issue.record("message \(prepared.fetched.uid) was not read")
            }
            #expect(prepared.sha256?.count == 64)
        }
        #expect(uids == Array(1...40))
        #expect(reader.count == 0 && reader.bytes == 0)
    }

    @Test func theWindowIsBoundedByCountAndBytes() {
        let byCount = ReadAhead(window: 3, maxBytes: 1 << 30, limits: .init(), ownAddress: nil)
        defer { byCount.discard() }
        for uid in UInt32(1)...2 { byCount.submit(Self.message(uid), fetchedAt: Date()) }
        #expect(!byCount.isFull)
        byCount.submit(Self.message(3), fetchedAt: Date())
        #expect(byCount.isFull)
        #expect(byCount.next()?.fetched.uid == 1)
        #expect(!byCount.isFull)

        let large = Self.message(1, bodyBytes: 5_000)
        let byBytes = ReadAhead(window: 100, maxBytes: large.size, limits: .init(), ownAddress: nil)
        defer { byBytes.discard() }
        byBytes.submit(Self.message(1, bodyBytes: 10), fetchedAt: Date())
        #expect(!byBytes.isFull)
        byBytes.submit(large, fetchedAt: Date())
        #expect(byBytes.isFull, "\(byBytes.bytes) bytes waiting")
    }

    @Test func discardDropsWhatWasNotTaken() {
        let reader = ReadAhead(window: 10, maxBytes: 1 << 30, limits: .init(), ownAddress: nil)
        for uid in UInt32(1)...5 { reader.submit(Self.message(uid), fetchedAt: Date()) }
        #expect(reader.next()?.fetched.uid == 1)
        reader.discard()
        #expect(reader.count == 0 && reader.bytes == 0)
        #expect(reader.next() == nil)
        #expect(reader.ready() == nil)
    }

    @Test func aMessageTooLargeToFetchHasNoReading() {
        let reader = ReadAhead(window: 4, maxBytes: 1 << 30, limits: .init(), ownAddress: nil)
        defer { reader.discard() }
        reader.submit(FetchedMessage(uid: 7, size: 90_000_000, flags: [], content: .tooLarge(size: 90_000_000, maximum: 1_000)),
                      fetchedAt: Date())
        let prepared = reader.next()
        #expect(prepared?.fetched.uid == 7)
        #expect(prepared?.reading == nil)
        #expect(prepared?.sha256 == nil)
    }
}
