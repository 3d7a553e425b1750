import Crypto
import Foundation

/// The short code printed next to a certificate number: HMAC-SHA256 of the number under the
/// university's secret, the first 40 bits in Crockford's base32 (`7K2M-9QXD`). A forged or
/// changed number does not match its code without the secret; the alphabet leaves out
/// I, L, O and U so that a code read off paper is typed back right.
public struct VerificationCode: Sendable {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    private let secret: [UInt8]

    /// A code maker keyed with the store's secret (at least `CertificateBook.minimumSecretBytes`).
    public init(secret: [UInt8]) {
        self.secret = secret
    }

    /// The short code printed beside `number`: HMAC-SHA256 of the number (RFC 2104), so only the key holder can make one.
    public func code(for number: String) -> String {
        let mac = Array(HMAC<SHA256>.authenticationCode(for: Data(number.utf8), using: SymmetricKey(data: secret)))
        // 40 bits = 8 base32 characters.
        var bits: UInt64 = 0
        for byte in mac.prefix(5) { bits = bits << 8 | UInt64(byte) }
        var characters: [Character] = []
        for shift in stride(from: 35, through: 0, by: -5) {
            characters.append(Self.alphabet[Int((bits >> UInt64(shift)) & 31)])
        }
        return String(characters.prefix(4)) + "-" + String(characters.suffix(4))
    }

    /// Whether `code` belongs to `number`: case, spaces and dashes do not matter, and the
    /// letters people confuse with digits (O, I, L) are read as those digits.
    public func accepts(_ code: String, for number: String) -> Bool {
        let expected = Array(Self.normalized(self.code(for: number)).utf8)
        let given = Array(Self.normalized(code).utf8)
        guard expected.count == given.count else { return false }
        // Constant time: the comparison does not tell how many characters matched.
        return zip(expected, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func normalized(_ code: String) -> String {
        String(code.uppercased().compactMap { character -> Character? in
            switch character {
            case "-", " ": return nil
            case "O": return "0"
            case "I", "L": return "1"
            default: return character
            }
        })
    }
}
