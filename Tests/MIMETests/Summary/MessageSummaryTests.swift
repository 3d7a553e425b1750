import TestSupport
import Foundation
import Testing
@testable import MIME

@Suite struct MessageSummaryTests {
    /// The JSON `cpdbot inspect --json` prints uses the oracle's attachment keys, with null for unknowns.
    @Test func jsonUsesTheOracleKeys() throws {
        let record = try #require(SampleCorpus.emails.first { $0.attachments.contains { $0.size == nil } })
        let summary = try MessageSummary.read(try SampleCorpus.bytes(record.file))
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let json = try #require(try JSONSerialization.jsonObject(with: encoder.encode(summary)) as? [String: Any])
        let files = try #require(json["attachments"] as? [[String: Any]])
        let damaged = try #require(files.first { $0["damaged"] as? Bool == true })
        #expect(damaged["size"] is NSNull)
        #expect(damaged["sha256"] is NSNull)
        for key in ["filename", "content_type", "size", "sha256", "inside_forwarded_message"] {
            #expect(damaged.keys.contains(key), "missing \(key)")
        }
        #expect(json["from"] as? String == record.from)
    }
}
