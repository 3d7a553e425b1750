import TestSupport
import Testing
@testable import Mail

/// Folder names both ways (RFC 3501 §5.1.3): what the bot creates and what servers list.
@Suite struct ModifiedUTF7Tests {
    @Test(arguments: [
        ("INBOX", "INBOX"),
        ("Sent Items", "Sent Items"),
        ("Tom & Jerry", "Tom &- Jerry"),
        ("&", "&-"),
        ("&&-", "&-&--"),
        ("", ""),
        ("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"),
        ("Отправленные", "&BB4EQgQ,BEAEMAQyBDsENQQ9BD0ESwQ1-"),
        ("Входящие", "&BBIERQQ+BDQETwRJBDgENQ-"),
        ("Қабылданды", "&BJoEMAQxBEsEOwQ0BDAEPQQ0BEs-"),
        ("Өңделген", "&BOgEowQ0BDUEOwQzBDUEPQ-"),
    ])
    func bothWays(name: String, encoded: String) {
        #expect(ModifiedUTF7.encode(name) == encoded)
        #expect(ModifiedUTF7.decodeStrictly(encoded) == name)
    }

    /// Every Kazakh letter of its own, Russian, an `&` beside shifted text, a `-` right after a
    /// shifted run, a character outside the BMP (a surrogate pair), a hierarchy of both.
    @Test(arguments: [
        "ӘәҒғҚқҢңӨөҰұҮүҺһІі", "Жіберілген хаттар", "Обработанные/2026 & Қабылданды", "Қ-1", "-Ә-", "A&Ә&B",
        "📬 Почта", "INBOX.Өңделген", "[Gmail]/Отправленные", "Ё~\u{7F}x",
    ])
    func roundTrips(name: String) {
        let encoded = ModifiedUTF7.encode(name)
        #expect(encoded.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value <= 0x7E })
        #expect(ModifiedUTF7.decodeStrictly(encoded) == name)
    }

    /// Not valid modified UTF-7: an unterminated shift, shifted printable ASCII, a lone
    /// surrogate, plain base64's "/" and "=", raw UTF-8 from a server that ignores the rule.
    /// Such a name is kept as the server sent it.
    @Test(arguments: ["&BBI", "&AGE-", "&2D0-", "&BB4/BEI-", "&BB4=-", "Отправленные", "&Jjo!-"])
    func invalidNamesAreKeptAsSent(encoded: String) {
        #expect(ModifiedUTF7.decodeStrictly(encoded) == nil)
        #expect(ModifiedUTF7.decode(encoded) == encoded)
    }

    @Test func randomNamesRoundTrip() {
        var (generator, seed) = TestSeed.generator(for: "ModifiedUTF7Tests.randomNamesRoundTrip")
        let pool = Array("aZ09 &-_.,/~+ӘәҒғҚқҢңӨөҰұҮүҺһІіЖжЁёЪъ台北") + ["📬", "\u{10FFFF}"]
        for _ in 0..<2_000 {
            let length = Int(generator.next() % 12)
            let name = String((0..<length).map { _ in pool[Int(generator.next() % UInt64(pool.count))] })
            let decoded = ModifiedUTF7.decodeStrictly(ModifiedUTF7.encode(name))
            #expect(decoded == name, "seed \(seed): \(name)")
        }
    }
}
