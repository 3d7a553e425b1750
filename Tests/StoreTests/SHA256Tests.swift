import Foundation
import Testing
@testable import Store

@Suite struct SHA256Tests {
    // FIPS 180-4 / NIST example vectors.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownVectors(input: String, digest: String) {
        #expect(SHA256.hex(Data(input.utf8)) == digest)
    }

    @Test func millionAs() {
        let digest = SHA256.hex(Data(repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(digest == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func incrementalUpdatesMatchOneShot() {
        let data = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) })
        var hasher = SHA256()
        hasher.update(data.prefix(3))
        hasher.update(data.dropFirst(3).prefix(200))
        hasher.update(data.dropFirst(203).prefix(1))
        hasher.update(Data())
        hasher.update(data.dropFirst(204))
        let hex = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        #expect(hex == SHA256.hex(data))
    }

    /// Every sample file that the oracle lists as an attachment with a digest hashes to it.
    @Test func sampleFilesMatchTheOracleDigests() throws {
        let oracle = try JSONSerialization.jsonObject(
            with: Data(contentsOf: TemporaryDirectory.fixtures.appendingPathComponent("expected.json"))) as? [String: Any]
        let emails = try #require(oracle?["emails"] as? [[String: Any]])
        var checked = 0
        for email in emails {
            for attachment in email["attachments"] as? [[String: Any]] ?? [] {
                guard let file = attachment["same_as"] as? String, let digest = attachment["sha256"] as? String else { continue }
                let data = try Data(contentsOf: TemporaryDirectory.fixtures.appendingPathComponent(file))
                #expect(SHA256.hex(data) == digest, "\(file)")
                checked += 1
            }
        }
        #expect(checked >= 15)
    }
}
