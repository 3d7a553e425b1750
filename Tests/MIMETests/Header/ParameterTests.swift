import Testing
@testable import MIME

@Suite struct ParameterTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let header: String
        let filename: String?
        var testDescription: String { header }
    }

    static let cases: [Case] = [
        Case(header: "attachment; filename=\"report.xlsx\"", filename: "report.xlsx"),
        Case(header: "attachment; filename=report.xlsx", filename: "report.xlsx"),
        Case(header: "attachment; filename=Scan (2).pdf", filename: "Scan (2).pdf"),
        Case(header: "attachment; filename*=utf-8''%D0%97%D0%B0%D1%8F%D0%B2%D0%BA%D0%B0.xlsx", filename: "Заявка.xlsx"),
        Case(header: "attachment; filename*=windows-1251''%C7%E0%FF%E2%EA%E0.xls", filename: "Заявка.xls"),
        Case(header: "attachment;\r\n filename*0*=UTF-8''%D3%A8%D1%82%D1%96;\r\n filename*1*=%D0%BD%D1%96%D0%BC;\r\n filename*2=.ods",
             filename: "Өтінім.ods"),
        // Continuations out of order are reassembled by index.
        Case(header: "attachment; filename*1=\"b.txt\"; filename*0=\"a\"", filename: "ab.txt"),
        // RFC 2231 wins over the plain form.
        Case(header: "attachment; filename=\"fallback.xlsx\"; filename*=UTF-8''real.xlsx", filename: "real.xlsx"),
        Case(header: "attachment; filename=\"=?UTF-8?B?06jRgtGW0L3RltC8Lnhsc3g=?=\"", filename: "Өтінім.xlsx"),
        Case(header: "attachment; filename=\"../../etc/passwd.xlsx\"", filename: "../../etc/passwd.xlsx"),
        Case(header: "attachment; filename=\"C:\\Users\\a\\f.xlsx\"", filename: "C:\\Users\\a\\f.xlsx"),
        Case(header: "attachment; filename=\"say \\\"hi\\\".txt\"", filename: "say \"hi\".txt"),
        Case(header: "attachment; filename*=UTF-8''a%00b.xlsx", filename: "a\u{0}b.xlsx"),
        Case(header: "attachment; filename==?UTF-8?B?06jRgtGW0L3RltC8Lnhsc3g=?=", filename: "Өтінім.xlsx"),
        Case(header: "attachment; filename*=\"UTF-8''%D3%A8.csv\"", filename: "Ө.csv"),
        Case(header: "attachment; filename*=UTF-8'kk'%D3%A8.csv", filename: "Ө.csv"),
        Case(header: "attachment", filename: nil),
    ]

    @Test(arguments: cases)
    func decodesFilename(_ c: Case) {
        let value = ParameterizedValue.parse(c.header)
        #expect(value.value == "attachment")
        #expect(value["filename"] == c.filename)
    }

    @Test func contentTypeKeepsBoundaryAndCharset() {
        let v = ParameterizedValue.parse("Multipart/Mixed; boundary=\"=_a;b\"; charset=UTF-8 (comment)")
        #expect(v.value == "multipart/mixed")
        #expect(v["boundary"] == "=_a;b")
    }
}
