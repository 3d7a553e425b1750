import Testing
import CSV

@Suite struct CSVParserTests {
    private func fields(_ text: String, delimiter: Unicode.Scalar = ",") -> [[String]] {
        CSVParser(delimiter: delimiter).records(in: text).records.map(\.fields)
    }

    @Test(arguments: [
        ("a,b\r\nc,d\r\n", [["a", "b"], ["c", "d"]]),
        ("a,b\nc,d", [["a", "b"], ["c", "d"]]),
        ("a,b\rc,d\r", [["a", "b"], ["c", "d"]]),
        ("\"x,y\",\"he said \"\"hi\"\"\"\n", [["x,y", "he said \"hi\""]]),
        ("\"two\nlines\",z\n", [["two\nlines", "z"]]),
        ("a,,\n\n\nb\n", [["a", "", ""], ["b"]]),
        ("\u{FEFF}h1,h2\n", [["h1", "h2"]]),
        ("\"\"\n", [[""]]),
        // A quote inside an unquoted field is kept, as Excel keeps it.
        ("ab\"c,d\n", [["ab\"c", "d"]]),
        // What follows a closing quote belongs to the same field.
        ("\"ab\"cd,e\n", [["abcd", "e"]]),
    ])
    func parses(text: String, records: [[String]]) {
        #expect(fields(text) == records)
    }

    @Test func otherDelimitersSplitAndCommasStayInTheField() {
        #expect(fields("Иванов, И.;b;\"c;d\"\n", delimiter: ";") == [["Иванов, И.", "b", "c;d"]])
    }

    @Test func recordLinesCountLineBreaksInsideQuotes() {
        let records = CSVParser().records(in: "h\r\n\"a\r\nb\"\nc\n\nd\n").records
        #expect(records.map(\.line) == [1, 2, 4, 6])
    }

    @Test func blankLinesAreRecordsToTheCallerButNotInRecords() {
        var seen: [CSVRecord] = []
        let ending = CSVParser().forEachRecord(in: "a\n\n;\n\"\"\n") { (record: CSVRecord) -> Bool in
            seen.append(record)
            return true
        }
        #expect(ending == .complete)
        #expect(seen.map(\.isBlank) == [false, true, false, false])
        #expect(seen.map(\.line) == [1, 2, 3, 4])
    }

    @Test func unterminatedQuoteIsReportedWithItsLine() {
        let (records, ending) = CSVParser().records(in: "a\nb\n\"open,x\n")
        #expect(ending == .quoteNeverClosed(line: 3))
        #expect(records.last?.fields == ["open,x\n"])
    }

    @Test func theCallerCanStop() {
        var count = 0
        let ending = CSVParser().forEachRecord(in: "1\n2\n3\n") { (_: CSVRecord) -> Bool in
            count += 1
            return count < 2
        }
        #expect(ending == .stopped)
        #expect(count == 2)
    }

    @Test func writtenTextReadsBackTheSame() {
        let records = [["h", "note"], ["Ли \"Анна\"", "two\nlines"], [" padded ", "a,b"], ["", "=1"]]
        let text = CSVWriter.text(records, byteOrderMark: true, excelSafe: false)
        #expect(text.hasPrefix("\u{FEFF}h,note\r\n"))
        #expect(fields(text) == records)
    }
}
