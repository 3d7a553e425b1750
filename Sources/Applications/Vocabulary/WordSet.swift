#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A set of vocabulary words that answers for folded tokens without Swift's Unicode string
/// hashing. A `Set<String>` normalises every non-ASCII token (NFC) to hash and compare it, which
/// was most of the header search's time; simple text (`FoldedText.isSimple`: Latin and Cyrillic
/// without combining marks) is in NFC, so a simple token is looked up by its UTF-8 among the
/// words' NFC forms. Any other token goes through the `Set<String>`: the answer is always the same.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    let words: Set<String>
    /// The NFC form of every word whose NFC form is simple. A simple token is in NFC already, so
    /// it equals a word (canonically, as Swift compares) exactly when its bytes are one of these.
    private let simpleWords: Set<UTF8Word>

    init(_ words: Set<String>) {
        self.words = words
        simpleWords = Set(words.compactMap { word in
            let composed = FoldedText.isSimple(word) ? word : word.precomposedStringWithCanonicalMapping
            return FoldedText.isSimple(composed) ? UTF8Word(composed) : nil
        })
    }

    init(arrayLiteral elements: String...) {
        self.init(Set(elements))
    }

    /// Whether `word` is one of the words (compared as Swift compares strings).
    func contains(_ word: String) -> Bool {
        contains(word, simple: nil)
    }

    /// `simple`: whether `word` is known to be simple; nil when not known.
    func contains(_ word: String, simple: Bool?) -> Bool {
        if simple ?? FoldedText.isSimple(word) { return simpleWords.contains(UTF8Word(word)) }
        return words.contains(word)
    }
}

/// A string hashed and compared by its UTF-8 bytes, not by Unicode canonical equivalence: for
/// memo keys (a missed match only costs a recomputation) and simple words (where both agree).
struct UTF8Word: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (lhs: UTF8Word, rhs: UTF8Word) -> Bool {
        sameBytes(lhs.text, rhs.text)
    }

    /// Whether two strings have the same UTF-8 bytes (one `memcmp`, not a walk of two views).
    static func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        var lhs = lhs, rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                guard let a = left.baseAddress, let b = right.baseAddress else { return true }
                return memcmp(a, b, left.count) == 0
            }
        }
    }
}

/// Word stems (token prefixes) with their UTF-8 and whether all are simple, worked out once:
/// the header search asks every token of every cell against every list.
struct StemList: Sendable, ExpressibleByArrayLiteral {
    let stems: [String]
    /// Every stem is simple (`FoldedText.isSimple`): against simple tokens, prefixes are bytes.
    let allSimple: Bool
    let utf8: [[UInt8]]

    init(_ stems: [String]) {
        self.stems = stems
        allSimple = stems.allSatisfy { FoldedText.isSimple($0) }
        utf8 = stems.map { Array($0.utf8) }
    }

    init(arrayLiteral elements: String...) {
        self.init(elements)
    }

    static func + (lhs: StemList, rhs: StemList) -> StemList {
        StemList(lhs.stems + rhs.stems)
    }

    /// Whether some stem is a byte prefix of `token`.
    func isBytePrefix(of token: String) -> Bool {
        var token = token
        return token.withUTF8 { bytes in
            utf8.contains { stem in
                guard stem.count <= bytes.count else { return false }
                for index in stem.indices where stem[index] != bytes[index] { return false }
                return true
            }
        }
    }
}
