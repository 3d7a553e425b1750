import Testing
import CSV

@Suite struct CSVWriterTests {
    @Test(arguments: [
        ("=1+1", "'=1+1"), ("@SUM(A1)", "'@SUM(A1)"), ("+77011234567", "+77011234567"), ("+7 701", "+7 701"),
        ("-5", "-5"), ("-", "'-"), ("+cmd", "'+cmd"), ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("\tx", "'\tx"), ("plain", "plain"), ("", ""),
    ])
    func neutralisesFormulas(cell: String, expected: String) {
        #expect(CSVWriter.neutralise(cell) == expected)
    }

    /// Names from the roster never become formulas in Excel; commas and quotes are quoted.
    @Test(arguments: [
        ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""), ("@a", "'@a"),
        ("Law, School", "\"Law, School\""), ("Ли \"Анна\"", "\"Ли \"\"Анна\"\"\""), ("plain", "plain"), ("", ""),
        ("two\nlines", "\"two\nlines\""), (" lead", "\" lead\""),
    ])
    func excelSafeFields(value: String, expected: String) {
        #expect(CSVWriter.text([[value]], byteOrderMark: false, excelSafe: true) == expected + "\r\n")
    }
}
