import Crypto
import Foundation

/// Tokens and their hashes: 256 bits from the system's CSPRNG, SHA-256 from swift-crypto.
enum ConsoleSecrets {
    /// 32 random bytes, base64url without padding (43 characters, safe in a URL and a cookie).
    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Lower-case hex SHA-256 of the text's UTF-8.
    static func sha256(_ text: String) -> String {
        // Hex by table: `String(format:)` per byte was a tenth of the overview's time (a unit's id per unit).
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(text.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Compares without stopping at the first difference (a CSRF token must not leak by timing).
    static func same(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    /// A token as this console makes them: 43 base64url characters. Anything else is refused
    /// before it reaches the store.
    static func looksLikeToken(_ text: String) -> Bool {
        text.utf8.count == 43 && text.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
        }
    }
}
