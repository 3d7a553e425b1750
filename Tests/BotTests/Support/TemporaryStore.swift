import Foundation
import Store

/// A fresh file store in a temporary folder, with a roster installed.
struct TemporaryStore {
    let url: URL
    let fileStore: FileStore

    init(roster: URL) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-test-\(UUID().uuidString)")
        fileStore = try FileStore(root: url)
        try fileStore.roster.replace(with: Data(contentsOf: roster))
    }
}
