import Documents
import Foundation
import Staff
import Testing
@testable import Regulation

/// A roster table of any format → the facts the checks need (category, leadership), through the
/// one roster reader: headers and values by meaning in kk/ru/en, rows that cannot be used
/// skipped and reported for `plan check`, the whole table refused for the store.
@Suite struct RosterReaderTests {
    @Test func theSampleRoster() throws {
        let roster = try CycleCase.roster()
        #expect(roster.people.count == 119)
        #expect(roster.person("A.SEITKALI@kazguu.kz")?.category == .pps)
        #expect(roster.person("a.seitkali@kazguu.kz")?.isLeadership == true)
    }

    /// The removed RosterTableReader's case: only email, category and leadership, Russian values.
    @Test func unusableRowsAreSkippedAndReported() throws {
        let table = TinyCSV.table("""
            lang,email,category,leadership
            kk,a@u.kz,ABP,no
            kk,b@u.kz,teacher,yes
            kk,,PPS,yes
            ru,c@u.kz,ППС,да
            """)
        let (read, skipped) = try RosterReader.read(table)
        let roster = StaffRoster(read)
        #expect(roster.people.keys.sorted() == ["a@u.kz", "c@u.kz"])
        #expect(roster.person("c@u.kz")?.isLeadership == true && roster.person("a@u.kz")?.isLeadership == false)
        #expect(skipped.map(\.row) == [3, 4])
        #expect(skipped.map(\.column) == ["category", "email"])
        #expect(skipped.map(\.kind) == [.invalidCategory, .missing])
    }

    /// What DSHR sends in its own words: a title row, Kazakh and Russian headers in any order,
    /// АБП/ӘБП/ППС, иә/жоқ/нет, `mailto:` addresses; the columns the checks do not need may be absent.
    @Test func kazakhAndRussianHeadersAndValuesAreReadByMeaning() throws {
        let table = TinyCSV.table("""
            Қызметкерлер тізімі 2026,,,
            Басшылық,Санат,"Электрондық пошта",Аты-жөні
            иә,ППС,A@U.kz,Әлібек
            жоқ,ӘБП,mailto:b@u.kz,Гүлнар
            Нет,АБП,c@u.kz,Дәурен
            ,ПОҚ,d@u.kz,Ерлан
            """)
        let (read, skipped) = try RosterReader.read(table)
        #expect(skipped.isEmpty)
        #expect(read.people.map(\.fullName) == ["Әлібек", "Гүлнар", "Дәурен", "Ерлан"])
        let roster = StaffRoster(read)
        #expect(roster.people.keys.sorted() == ["a@u.kz", "b@u.kz", "c@u.kz", "d@u.kz"])
        #expect(roster.person("a@u.kz")?.category == .pps && roster.person("a@u.kz")?.isLeadership == true)
        #expect(roster.person("b@u.kz")?.category == .abp && roster.person("b@u.kz")?.isLeadership == false)
        #expect(roster.person("c@u.kz")?.category == .abp && roster.person("c@u.kz")?.isLeadership == false)
        #expect(roster.person("d@u.kz")?.category == .pps && roster.person("d@u.kz")?.isLeadership == false)

        let russian = TinyCSV.table("""
            Электронная почта;Категория;Руководство
            e@u.kz;ППС;да
            """.replacingOccurrences(of: ";", with: ","))
        #expect(StaffRoster(try RosterReader.read(russian).roster).person("e@u.kz")?.isLeadership == true)
    }

    /// A value that means nothing in a column the checks do not need still skips its row (a
    /// typo must not pass for "no"), and a later row with a skipped row's address is no duplicate.
    @Test func aMeaninglessValueSkipsItsRow() throws {
        let table = TinyCSV.table("""
            email,category,leadership
            a@u.kz,PPS,maybe
            a@u.kz,PPS,yes
            """)
        let (read, skipped) = try RosterReader.read(table)
        #expect(skipped.map(\.kind) == [.invalidLeadership])
        #expect(read.people.map(\.email) == ["a@u.kz"])
        #expect(read.people.first?.leadership == true)
    }

    @Test func aTableWithoutEmailOrCategoryIsRefused() throws {
        let table = TinyCSV.table("""
            ФИО,Руководство
            Омаров,да
            """)
        let error = try #require(throws: RosterError.self) { try RosterReader.read(table) }
        #expect(error.issues.map(\.column) == ["email", "category"])
        #expect(error.issues.map(\.kind) == [.missingColumn, .missingColumn])
    }

    /// The store's reading refuses a table with any bad row, naming each.
    @Test func theStoreReadingRefusesATableWithABadRow() throws {
        let table = TinyCSV.table("""
            lang,email,full_name,unit,role,category,leadership
            kk,a@u.kz,A,U,staff,ABP,no
            kk,b@u.kz,B,U,staff,teacher,yes
            kk,,C,U,staff,PPS,yes
            ru,c@u.kz,D,U,head,pps,YES
            """)
        let records = table.rows.map { RosterReader.Record(line: $0.number, fields: $0.cells.map(\.value.plainText)) }
        let error = try #require(throws: RosterError.self) { try RosterReader.read(records) }
        #expect(error.issues.map(\.row) == [3, 4])
        #expect(error.issues.map(\.column) == ["category", "email"])
    }
}
