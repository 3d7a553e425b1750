import TestSupport
import Testing
@testable import Documents
import Foundation

/// Damaged copies of the corpus files must end in a `DocumentError` or a document, never a
/// crash or a hang. Mutations are deterministic (fixed seeds; `CPDBOT_SEED` tries another), so failures repeat.
@Suite struct MutationTests {
    static let files = [
        "applications/01_Otinim_Quqyq_zhogary_mektebi.xlsx", "applications/09_Gumanitarlyq_mektep_otinim.docx",
        "applications/11_Halyqaralyq_ekonomika_otinim.ods", "applications/12_zayavka_biblioteka.xls",
        "applications/05_buhgalteriya_otinim.csv",
    ]

    @Test(arguments: files)
    func damagedFilesFailCleanly(_ file: String) throws {
        let original = try SampleCorpus.bytes(file)
        var (generator, seed) = TestSeed.generator(for: "damagedFilesFailCleanly \(file)", fixed: UInt64(file.utf8.count))
        var refused = 0
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
            // Either outcome is fine; the same bytes must give the same one, and a refusal says why.
            let first = Result { () throws(DocumentError) in try DocumentReader.read(bytes: bytes, fileName: file) }
            let second = Result { () throws(DocumentError) in try DocumentReader.read(bytes: bytes, fileName: file) }
            switch (first, second) {
            case (.success(let a), .success(let b)): #expect(a == b, "seed \(seed), round \(round)")
            case (.failure(let a), .failure(let b)):
                refused += 1
                #expect(a == b, "seed \(seed), round \(round)")
                #expect(!a.detail.isEmpty, "seed \(seed), round \(round): a refusal without a reason")
            default: Issue.record("seed \(seed), round \(round): \(first) then \(second)")
            }
        }
        if !file.hasSuffix(".csv") {
            // A spreadsheet or document with nothing left of it is refused, and so are some of the damaged ones.
            #expect(throws: DocumentError.self) { try DocumentReader.read(bytes: [], fileName: file) }
            #expect(refused > 0, "seed \(seed): no damaged \(file) was refused")
        }
    }

    /// Members inflated ahead on a second thread give exactly what inflating in line gives –
    /// the same document, or the same kind of refusal – on intact and damaged files alike.
    @Test(arguments: files.filter { !$0.hasSuffix(".csv") && !$0.hasSuffix(".xls") })
    func inflatingAheadChangesNothing(_ file: String) throws {
        let original = try SampleCorpus.bytes(file)
        var ahead = DocumentLimits()
        ahead.inflateAheadMinBytes = 0
        var (generator, _) = TestSeed.generator(for: "inflatingAheadChangesNothing \(file)", fixed: UInt64(file.utf8.count) &* 7)
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
        var (generator, _) = TestSeed.generator(for: "randomBytesThroughTheXMLTokenizerTerminate", fixed: 42)
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
        var (generator, seed) = TestSeed.generator(for: "randomMarkupThroughTheHTMLReaderTerminates", fixed: 7)
        let pieces = ["<table>", "</table>", "<tr>", "</tr>", "<td colspan=3>", "<td rowspan=2>", "</td>",
                      "<th>", "<br>", "<p>", "x", "&nbsp;", "&#1178;", "<!--", "-->", "<", "&", "<script>", "</script>"]
        for _ in 0..<300 {
            let html = (0..<Int.random(in: 0..<80, using: &generator))
                .map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
            let tables = HTMLTableReader.read(html: html)
            // The reader never invents a table, and reads the same markup the same way twice.
            #expect(tables.count <= html.components(separatedBy: "<table>").count - 1, "seed \(seed): \(html)")
            #expect(tables == HTMLTableReader.read(html: html), "seed \(seed)")
        }
    }
}
