import Foundation
import Testing
@testable import Store

@Suite struct CSVTests {
    @Test(arguments: [
        ("a,b\r\nc,d\r\n", [["a", "b"], ["c", "d"]]),
        ("a,b\nc,d", [["a", "b"], ["c", "d"]]),
        ("\"x,y\",\"he said \"\"hi\"\"\"\n", [["x,y", "he said \"hi\""]]),
        ("\"two\nlines\",z\n", [["two\nlines", "z"]]),
        ("a,,\n\n\nb\n", [["a", "", ""], ["b"]]),
        ("\u{FEFF}h1,h2\n", [["h1", "h2"]]),
        ("\"\"\n", [[""]]),
    ])
    func parses(text: String, records: [[String]]) throws {
        #expect(try CSV.parse(text, path: "t.csv").map(\.fields) == records)
    }

    @Test func recordLinesCountLineBreaksInsideQuotes() throws {
        let records = try CSV.parse("h\n\"a\nb\"\nc\n", path: "t.csv")
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func unterminatedQuoteNamesTheLine() throws {
        let error = try #require(throws: StoreError.self) { try CSV.parse("a\nb\n\"open,x\n", path: "t.csv") }
        #expect(error == .malformedCSV(path: "t.csv", line: 3, detail: "a quoted field is never closed"))
    }

    @Test(arguments: [
        ("=1+1", "'=1+1"), ("@SUM(A1)", "'@SUM(A1)"), ("+77011234567", "+77011234567"), ("-5", "-5"),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"), ("plain", "plain"), ("", ""),
    ])
    func neutralisesFormulas(cell: String, expected: String) {
        #expect(CSV.neutralise(cell) == expected)
    }
}
