import TestSupport
import Digest
import Testing
@testable import MIME

/// Every sample message through the parser, checked against expected.json's attachment records.
@Suite struct SampleAttachmentTests {
    @Test func corpusIsPresent() {
        #expect(SampleCorpus.emails.count >= 26)
    }

    @Test(arguments: SampleCorpus.emails)
    func attachmentsMatchTheOracle(_ record: SampleCorpus.Email) throws {
        let message = try MessageParser().parse(try SampleCorpus.bytes(record.file))
        let files = message.fileParts
        #expect(files.map(\.filename) == record.attachments.map(\.filename), "\(record.file)")
        for (part, expected) in zip(files, record.attachments) {
            #expect(part.effectiveMimeType == expected.contentType, "\(record.file): \(expected.filename)")
            #expect(part.insideForwardedMessage == (expected.insideForwardedMessage ?? false), "\(record.file): \(expected.filename)")
            let decoded = try part.decodedBody()
            if let size = expected.size, let sha = expected.sha256 {
                #expect(decoded.damage == nil, "\(record.file): \(expected.filename)")
                #expect(decoded.bytes.count == size, "\(record.file): \(expected.filename)")
                #expect(SHA256.hexDigest(decoded.bytes) == sha, "\(record.file): \(expected.filename)")
            } else {
                #expect(decoded.damage != nil, "\(record.file): \(expected.filename) should be damaged")
            }
        }
    }
}
