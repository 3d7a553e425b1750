import Testing
@testable import Regulation

/// roster.csv → the facts the checks need (category, leadership), rows that cannot be used reported.
@Suite struct RosterTableReaderTests {
    @Test func theSampleRoster() throws {
        let roster = try CycleCase.roster()
        #expect(roster.people.count == 119)
        #expect(roster.person("A.SEITKALI@kazguu.kz")?.category == .pps)
        #expect(roster.person("a.seitkali@kazguu.kz")?.isLeadership == true)
    }

    @Test func unusableRowsAreSkippedAndReported() throws {
        let table = TinyCSV.table("""
            lang,email,category,leadership
            kk,a@u.kz,ABP,no
            kk,b@u.kz,teacher,yes
            kk,,PPS,yes
            ru,c@u.kz,ППС,да
            """)
        let (roster, issues) = try RosterTableReader().read(table)
        #expect(roster.people.keys.sorted() == ["a@u.kz", "c@u.kz"])
        #expect(roster.person("c@u.kz")?.isLeadership == true && roster.person("a@u.kz")?.isLeadership == false)
        #expect(issues.map(\.row) == [3, 4])
        #expect(issues.map(\.column) == ["category", "email"])
    }
}
