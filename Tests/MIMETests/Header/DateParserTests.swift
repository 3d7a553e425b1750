import Testing
@testable import MIME

@Suite struct DateParserTests {
    @Test(arguments: [
        ("Tue, 12 May 2026 04:41:17 +0000", "2026-05-12T04:41:17+00:00"),
        ("Tue,  5 May 2026 14:15:03 +0500 (+05)", "2026-05-05T14:15:03+05:00"),
        ("12 May 2026 09:41 +0500", "2026-05-12T09:41:00+05:00"),
        ("Tue, 12 May 26 09:41:17 GMT", "2026-05-12T09:41:17+00:00"),
        ("Tue, 12-May-2026 09:41:17 -0330", "2026-05-12T09:41:17-03:30"),
        ("12.05.2026 09:41:17 +0600", "2026-05-12T09:41:17+06:00"),
        ("Tue, 12 May 2026 09:41:17", "2026-05-12T09:41:17+00:00"),
        ("2026-05-12T09:41:17+05:00", "2026-05-12T09:41:17+05:00"),
        ("Mon, 29 Feb 2028 23:59:59 -0000", "2028-02-29T23:59:59+00:00"),
    ])
    func parses(_ input: String, _ iso: String) {
        #expect(DateParser.parse(input)?.iso8601 == iso)
    }

    @Test(arguments: ["", "yesterday", "Tue, 45 May 2026 10:00:00 +0000", "Tue, 12 Foo 2026 10:00 +0000", "99:99"])
    func rejects(_ input: String) {
        #expect(DateParser.parse(input) == nil)
    }
}
