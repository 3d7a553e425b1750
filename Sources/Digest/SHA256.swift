import Crypto
public import Foundation

/// SHA-256 as cpdbot names things with it: lower-case hex of swift-crypto's digest (attachment
/// hashes, store keys, Message-IDs, backup manifests). The hashing is swift-crypto's (BoringSSL);
/// this module only spells the digest the way the store and the journal have always written it.
/// Kept as a module, not inlined: swift-crypto has no hex form, and Store, MIME and Bot need this one spelling.
public enum SHA256 {
    /// The SHA-256 of `bytes` as 64 lower-case hex digits.
    public static func hexDigest<D: DataProtocol>(_ bytes: D) -> String {
        let digest = Crypto.SHA256.hash(data: bytes)
        var text = ""
        text.reserveCapacity(64)
        for byte in digest {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return text
    }

    private static let hexDigits: [Character] = Array("0123456789abcdef")
}
