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
    @Test func truncatedContainersEndCleanly() throws {
        let container = try Self.sampleContainer()
        for cut in stride(from: 0, to: container.count, by: 7) {
            _ = try? TNEFReader.files(in: Array(container[..<cut]))
        }
    }
}
