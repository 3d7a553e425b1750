import TestSupport
import Testing
@testable import MIME

@Suite struct TNEFTests {
    static func sampleContainer() throws -> [UInt8] {
        let record = try #require(SampleCorpus.emails.first { $0.attachments.contains { $0.contains != nil } })
        let message = try MessageParser().parse(try SampleCorpus.bytes(record.file))
        let part = try #require(message.fileParts.first { $0.contentType.mimeType == "application/ms-tnef" })
        return try part.decodedBody().bytes
    }

    @Test func readsLongNameAndData() throws {
        let files = try TNEFReader.files(in: try Self.sampleContainer())
        #expect(files.count == 1)
        #expect(files.first?.filename.hasSuffix(".csv") == true)
        #expect(files.first?.mimeType == "text/csv")
    }

    /// libytnef is C: every truncation of a real container must still end cleanly.
    /// A cut container is refused with `unreadableTNEF`, or gives files no larger than what was
    /// left of it – never more bytes than it holds, never a crash.
    @Test func truncatedContainersEndCleanly() throws {
        let container = try Self.sampleContainer()
        var refused = 0
        for cut in stride(from: 0, to: container.count, by: 7) {
            do {
                let files = try TNEFReader.files(in: Array(container[..<cut]))
                #expect(files.reduce(0) { $0 + $1.bytes.count } <= cut, "cut at \(cut)")
            } catch {
                guard case .unreadableTNEF(let reason) = error else {
                    Issue.record("cut at \(cut): \(error)")
                    continue
                }
                #expect(!reason.isEmpty)
                refused += 1
            }
        }
        #expect(refused > 0, "the shortest cuts (no signature) must be refused")
        #expect(throws: MIMEError.self) { try TNEFReader.files(in: Array(container[..<5])) }
    }
}
