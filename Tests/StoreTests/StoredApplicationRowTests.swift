import Testing
@testable import Store

/// Addresses in stored rows are lower case, whatever the spreadsheet wrote.
@Suite struct StoredApplicationRowTests {
    @Test(arguments: [
        ("a.b@kazguu.kz", "a.b@kazguu.kz"), ("A.B@Kazguu.KZ", "a.b@kazguu.kz"), ("ÄLIYA@kazguu.kz", "äliya@kazguu.kz"),
        ("Әлия@Мысал.қаз", "әлия@мысал.қаз"), ("", ""), ("user+TAG@x.kz", "user+tag@x.kz"),
    ])
    func lowercasesAsStringDoes(_ text: String, _ expected: String) {
        #expect(StoredApplicationRow.lowercased(text) == expected)
        #expect(StoredApplicationRow.lowercased(text) == text.lowercased())
    }
}
