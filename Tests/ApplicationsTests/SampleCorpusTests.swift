import TestSupport
import Testing
import Foundation
import Documents
@testable import Applications

/// Every application file of the sample corpus, read end to end (Documents readers included),
/// against the oracle `expected.json`, field by field.
@Suite struct SampleCorpusTests {
    struct Oracle: Decodable {
        let applications: [ApplicationFileRecord]
        let emails: [Message]
    }

    struct Message: Decodable {
        let file: String
        let bodyTable: ApplicationReading?

        enum CodingKeys: String, CodingKey {
            case file
            case bodyTable = "body_table"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            file = try container.decode(String.self, forKey: .file)
            // A body table record has rows and invalid rows but no readable flag of its own.
            if let nested = try? container.nestedContainer(keyedBy: BodyKeys.self, forKey: .bodyTable) {
                bodyTable = ApplicationReading(
                    readable: true, errorKind: nil,
                    rows: try nested.decode([ApplicationRow].self, forKey: .rows),
                    invalidRows: try nested.decode([RowProblem].self, forKey: .invalidRows))
            } else {
                bodyTable = nil
            }
        }

        enum BodyKeys: String, CodingKey {
            case rows
            case invalidRows = "invalid_rows"
        }
    }

    /// Every date in the corpus is before this; every "future" date is in 2040 or later.
    static let receivedOn = CalendarDay(year: 2026, month: 5, day: 31)!

    static let oracle: Oracle? = try? JSONDecoder().decode(
        Oracle.self, from: Data(contentsOf: SampleCorpus.root.appendingPathComponent("expected.json")))

    static var applicationFiles: [String] { oracle?.applications.map(\.file) ?? [] }

    @Test func everySampleFileHasAnOracleRecord() throws {
        let oracle = try #require(Self.oracle)
        let onDisk = try FileManager.default.contentsOfDirectory(
            atPath: SampleCorpus.root.appendingPathComponent("applications").path)
        #expect(Set(onDisk.map { "applications/" + $0 }) == Set(oracle.applications.map(\.file)))
    }

    @Test(arguments: applicationFiles)
    func readsLikeTheOracle(_ file: String) throws {
        let expected = try #require(Self.oracle?.applications.first { $0.file == file }).reading
        let fileName = (file as NSString).lastPathComponent
        let got = ApplicationReader.read(bytes: try SampleCorpus.bytes(file), fileName: fileName,
                                         receivedOn: Self.receivedOn)
        expectSameReading(got, expected, file)
    }

    @Test func readsTheTablePastedIntoAnHTMLBody() throws {
        let message = try #require(Self.oracle?.emails.first { $0.bodyTable != nil })
        let expected = try #require(message.bodyTable)
        let html = """
            <p>Добрый день!</p><table><tr><td>№ п/п</td><td>Школа</td><td>ФИО</td><td>Направление подготовки</td>
            <td>Образовательная программа</td><td>Наименование последних пройденных курсов повышения квалификации</td>
            <td>Дата последнего прохождения курсов</td><td>Количество часов последнего курса</td>
            <td>Контактный телефон</td><td>E-mail</td></tr>
            <tr><td>1</td><td>ДИТ</td><td>Бекмуханбетова Акмарал Кайраткызы</td><td>&nbsp;</td><td>&nbsp;</td>
            <td>Кадровое делопроизводство</td><td>24.01.2023</td><td>144</td><td>8 (775) 615-63-40</td>
            <td>a.bekmukhanbetova@kazguu.kz</td></tr>
            <tr><td>2</td><td>ДИТ</td><td>Кузнецов Павел Игоревич</td><td>&nbsp;</td><td>&nbsp;</td><td>ITIL 4 Foundation</td>
            <td>21.02.2021</td><td>72</td><td>8 (701) 269-93-53</td><td>p.kuznetsov@kazguu.kz</td></tr>
            <tr><td>3</td><td>ДИТ</td><td>Байжанова Айжан Омирбеккызы</td><td>&nbsp;</td><td>&nbsp;</td>
            <td>Сыбайлас жемкорлыкка карсы мадениет</td><td>05.01.2024</td><td>144</td><td>8 (717) 264-82-32</td>
            <td>a.baizhanova@kazguu</td></tr>
            <tr><td>4</td><td>ДИТ</td><td>Иванов Сергей Николаевич</td><td>&nbsp;</td><td>&nbsp;</td>
            <td>Антикоррупционная культура</td><td>08.02.2026</td><td>36</td><td>8 (705) 200-73-38</td>
            <td>s.ivanov@kazguu.kz</td></tr></table><p>С уважением,<br>Касымов Галым</p>
            """
        let got = ApplicationReader.read(tables: HTMLTableReader.read(html: html), receivedOn: Self.receivedOn)
        #expect(got.rows == expected.rows, "\(message.file)")
        #expect(got.invalidRows == expected.invalidRows)
    }
}
