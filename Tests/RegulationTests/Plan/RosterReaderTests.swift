import Staff
import Testing
@testable import Regulation

/// A roster table of any format → the facts the checks need (category, leadership), through the
/// one roster reader; a table with unusable rows is refused with each row and column named.
@Suite struct RosterReaderTests {
    @Test func theSampleRoster() throws {
        let roster = try CycleCase.roster()
        #expect(roster.people.count == 119)
        #expect(roster.person("A.SEITKALI@kazguu.kz")?.category == .pps)
        #expect(roster.person("a.seitkali@kazguu.kz")?.isLeadership == true)
    }

    @Test func unusableRowsAreNamed() throws {
        let table = TinyCSV.table("""
            lang,email,full_name,unit,role,category,leadership
            kk,a@u.kz,A,U,staff,ABP,no
            kk,b@u.kz,B,U,staff,teacher,yes
            kk,,C,U,staff,PPS,yes
            ru,c@u.kz,D,U,head,pps,YES
            """)
        let error = try #require(throws: RosterError.self) { try RosterReader.read(table) }
        #expect(error.issues.map(\.row) == [3, 4])
        #expect(error.issues.map(\.column) == ["category", "email"])
        let valid = TinyCSV.table("""
            lang,email,full_name,unit,role,category,leadership
            kk,a@u.kz,A,U,staff,ABP,no
            ru,c@u.kz,D,U,head,pps,YES
            """)
        let roster = StaffRoster(try RosterReader.read(valid))
        #expect(roster.people.keys.sorted() == ["a@u.kz", "c@u.kz"])
        #expect(roster.person("c@u.kz")?.isLeadership == true && roster.person("a@u.kz")?.isLeadership == false)
    }
}
