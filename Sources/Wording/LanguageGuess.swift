/// The language a message is written in, from its letters: Kazakh letters (ә ғ қ ң ө ұ ү һ і)
/// mean Kazakh, other Cyrillic means Russian, Latin means English.
public enum LanguageGuess {
    private static let kazakhLetters: Set<Character> = ["ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і"]

    /// `fallback` when the text has no letters or Cyrillic and Latin are even. A Russian text
    /// that names a Kazakh person ("Пишет Сейтқали Әлібек") stays Russian: Kazakh needs its
    /// letters in at least 30 % of the Cyrillic words (Kazakh prose has them in about half).
    public static func language(of text: String, fallback: WordingLanguage) -> WordingLanguage {
        var cyrillicWords = 0, kazakhWords = 0, latinWords = 0
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
            let scalars = word.unicodeScalars
            if scalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) {
                cyrillicWords += 1
                if word.contains(where: kazakhLetters.contains) { kazakhWords += 1 }
            } else if scalars.contains(where: { (0x61...0x7A).contains($0.value) }) {
                latinWords += 1
            }
        }
        if cyrillicWords == latinWords { return fallback }
        if latinWords > cyrillicWords { return .en }
        return kazakhWords * 10 >= cyrillicWords * 3 ? .kk : .ru
    }
}
