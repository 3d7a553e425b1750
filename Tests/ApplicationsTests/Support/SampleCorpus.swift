import Foundation

/// The sample corpus copied into the repository (Tests/Fixtures/samples).
enum SampleCorpus {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // ApplicationsTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures/samples")

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }
}
