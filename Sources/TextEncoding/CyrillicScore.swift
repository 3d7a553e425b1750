/// Scores how much a decoded text looks like real Kazakh/Russian rather than mojibake.
enum CyrillicScore {
    static func score(_ text: String) -> Int {
        var score = 0
        var previousWasLowerCyrillic = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if kazakhLetters.contains(value) {
                score += 2
            } else if (0x0410...0x044F).contains(value) || value == 0x0401 || value == 0x0451 {
                score += 1
                // "тЕУФ": upper case inside a word is the fingerprint of koi8-r read as 1251.
                let isUpper = value <= 0x042F || value == 0x0401
                if isUpper && previousWasLowerCyrillic { score -= 3 }
                previousWasLowerCyrillic = !isUpper
                continue
            } else if mojibakeMarks.contains(value) || (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D)
                        || (0x2500...0x259F).contains(value) || (0x80...0x9F).contains(value) {
                score -= 4
            }
            previousWasLowerCyrillic = false
        }
        return score
    }

    /// Ә ә Ғ ғ Қ қ Ң ң Ө ө Ұ ұ Ү ү Һ һ І і
    static let kazakhLetters: Set<UInt32> = [
        0x04D8, 0x04D9, 0x0492, 0x0493, 0x049A, 0x049B, 0x04A2, 0x04A3, 0x04E8, 0x04E9,
        0x04B0, 0x04B1, 0x04AE, 0x04AF, 0x04BA, 0x04BB, 0x0406, 0x0456,
    ]

    /// Letters of other Cyrillic alphabets and typographic signs that show up when a Kazakh text
    /// is read in the wrong code page (Ђ ђ Ѓ ѓ Љ љ Њ њ Ќ ќ Ћ ћ Џ џ Ў ў Ј ј Ѕ ѕ Ґ ґ Є є Ї ї, † ‡ ‰ € ™ ¤ ¦ ¶ µ …).
    static let mojibakeMarks: Set<UInt32> = [
        0x0402, 0x0452, 0x0403, 0x0453, 0x0409, 0x0459, 0x040A, 0x045A, 0x040C, 0x045C,
        0x040B, 0x045B, 0x040F, 0x045F, 0x040E, 0x045E, 0x0408, 0x0458, 0x0405, 0x0455,
        0x0490, 0x0491, 0x0404, 0x0454, 0x0407, 0x0457, 0x2020, 0x2021, 0x2030, 0x20AC,
        0x2122, 0x00A4, 0x00A6, 0x00B6, 0x00B5, 0xFFFD, 0x00AC, 0x00AE, 0x00B1, 0x0491,
    ]
}
