import Testing
@testable import Documents

/// Damaged copies of the corpus files must end in a `DocumentError` or a document, never a
/// crash or a hang. Mutations are deterministic (a fixed-seed generator), so failures repeat.
@Suite struct MutationTests {
    /// SplitMix64: small, fast, and the same on every platform.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let files = [
        "applications/01_Otinim_Quqyq_zhogary_mektebi.xlsx", "applications/09_Gumanitarlyq_mektep_otinim.docx",
        "applications/11_Halyqaralyq_ekonomika_otinim.ods", "applications/12_zayavka_biblioteka.xls",
        "applications/05_buhgalteriya_otinim.csv",
    ]

    @Test(arguments: files)
    func damagedFilesFailCleanly(_ file: String) throws {
        let original = try SampleCorpus.bytes(file)
        var generator = Generator(state: UInt64(file.utf8.count))
        for round in 0..<150 {
            var bytes = original
            switch round % 3 {
            case 0:  // flip a few bytes anywhere
                for _ in 0..<4 { bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
            case 1:  // cut the file short
                bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &generator)))
            default:  // overwrite the tail end, where zip directories and OLE2 sectors live
                let start = max(0, bytes.count - Int.random(in: 1...200, using: &generator))
                for index in start..<bytes.count { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
            }
            _ = try? DocumentReader.read(bytes: bytes, fileName: file)
        }
    }

    /// Members inflated ahead on a second thread give exactly what inflating in line gives –
    /// the same document, or the same kind of refusal – on intact and damaged files alike.
    @Test(arguments: files.filter { !$0.hasSuffix(".csv") && !$0.hasSuffix(".xls") })
    func inflatingAheadChangesNothing(_ file: String) throws {
        let original = try SampleCorpus.bytes(file)
        var ahead = DocumentLimits()
        ahead.inflateAheadMinBytes = 0
        var generator = Generator(state: UInt64(file.utf8.count) &* 7)
        for round in 0..<60 {
            var bytes = original
            if round > 0 {
                for _ in 0..<3 { bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
            }
            let inLine = Result { () throws(DocumentError) in try DocumentReader.read(bytes: bytes, fileName: file) }
            let inflatedAhead = Result { () throws(DocumentError) in try DocumentReader.read(bytes: bytes, fileName: file, limits: ahead) }
            switch (inLine, inflatedAhead) {
            case (.success(let a), .success(let b)): #expect(a == b, "round \(round)")
            case (.failure(let a), .failure(let b)): #expect(a.kind == b.kind, "round \(round): \(a.detail) / \(b.detail)")
            default: Issue.record("round \(round): \(inLine) vs \(inflatedAhead)")
            }
        }
    }

    @Test func randomBytesThroughTheXMLTokenizerTerminate() {
        var generator = Generator(state: 42)
        let alphabet = Array("<>/!?=\"' abc:&#;x[]-CDATA\n".utf8)
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0..<400, using: &generator)).map { _ in
                alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
            }
            var tokenizer = XMLTokenizer(bytes: bytes, partName: "fuzz.xml", maxDepth: 16)
            var steps = 0
            while steps <= bytes.count + 1, let token = try? tokenizer.next() {
                if case .text(let range, let references) = token { _ = tokenizer.decode(range, hasReferences: references) }
                steps += 1
            }
            #expect(steps <= bytes.count + 1)
        }
    }

    @Test func randomMarkupThroughTheHTMLReaderTerminates() {
        var generator = Generator(state: 7)
        let pieces = ["<table>", "</table>", "<tr>", "</tr>", "<td colspan=3>", "<td rowspan=2>", "</td>",
                      "<th>", "<br>", "<p>", "x", "&nbsp;", "&#1178;", "<!--", "-->", "<", "&", "<script>", "</script>"]
        for _ in 0..<300 {
            let html = (0..<Int.random(in: 0..<80, using: &generator))
                .map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
            _ = HTMLTableReader.read(html: html)
        }
    }
}
