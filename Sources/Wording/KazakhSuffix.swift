/// Kazakh case endings chosen by the word they follow: vowel harmony (the last vowel is back or
/// front) and the last sound (vowel, sonorant, voiced or voiceless consonant).
public enum KazakhCase: String, Sendable, CaseIterable {
    /// маусым – "2026 жылғы 1 маусым"
    case nominative
    /// маусымның
    case genitive
    /// маусымға – before "дейін"
    case dative
    /// маусымда – "… күні", "… аяқталды"
    case locative
    /// маусымнан – before "бастап", "кейін"
    case ablative
    /// маусымдағы – "… жағдай бойынша", "… пошта шолуы"
    case locativeAttributive
}

/// Attaches Kazakh case endings (`KazakhCase`) by vowel harmony and the word's last sound.
public enum KazakhSuffix {
    private static let backVowels: Set<Character> = ["а", "о", "ұ", "ы", "я", "ё"]
    private static let frontVowels: Set<Character> = ["ә", "е", "ө", "ү", "і", "э"]
    private static let vowels: Set<Character> = ["а", "ә", "е", "ё", "и", "о", "ө", "у", "ұ", "ү", "ы", "і", "э", "ю", "я"]
    private static let nasals: Set<Character> = ["м", "н", "ң"]
    /// Sonorants and voiced fricatives that keep д- after them (қаңтардан, наурыздан).
    private static let liquids: Set<Character> = ["р", "л", "й", "у", "и", "з", "ж"]
    /// Voiceless consonants, and the voiced stops of loanwords, which sound voiceless at the end (клубқа).
    private static let hard: Set<Character> = ["к", "қ", "п", "с", "т", "ф", "х", "һ", "ц", "ч", "ш", "щ", "б", "в", "г", "д"]

    /// `word` with the ending of `grammaticalCase` (the nominative returns the word as it is).
    public static func attach(_ grammaticalCase: KazakhCase, to word: String) -> String {
        guard let last = word.lowercased().last(where: { $0.isLetter }) else { return word }
        let front = isFront(word)
        let ending: String
        switch grammaticalCase {
        case .nominative:
            return word
        case .genitive:
            if vowels.contains(last) && !liquids.contains(last) || nasals.contains(last) {
                ending = front ? "нің" : "ның"
            } else if liquids.contains(last) {
                ending = front ? "дің" : "дың"
            } else {
                ending = front ? "тің" : "тың"
            }
        case .dative:
            ending = hard.contains(last) ? (front ? "ке" : "қа") : (front ? "ге" : "ға")
        case .locative:
            ending = hard.contains(last) ? (front ? "те" : "та") : (front ? "де" : "да")
        case .locativeAttributive:
            return attach(.locative, to: word) + (front ? "гі" : "ғы")
        case .ablative:
            if nasals.contains(last) {
                ending = front ? "нен" : "нан"
            } else if vowels.contains(last) || liquids.contains(last) {
                ending = front ? "ден" : "дан"
            } else {
                ending = front ? "тен" : "тан"
            }
        }
        return word + ending
    }

    /// Front when the last harmonic vowel is front (сәуір, қыркүйек, шілде); back otherwise.
    static func isFront(_ word: String) -> Bool {
        for character in word.lowercased().reversed() {
            if frontVowels.contains(character) { return true }
            if backVowels.contains(character) { return false }
        }
        return false
    }
}
