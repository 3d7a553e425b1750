import Documents
import Foundation

/// Sorts the rows below the header into employee rows and the rows to skip.
struct RowClassifier {
    let layout: HeaderLayout
    /// The header's own rows, to recognise them when a table repeats them (page breaks).
    var headerRows: [RowContent] = []
    /// The layout's columns looked up once: a `ColumnMeaning` key hashes its raw String, and
    /// every row asks for several.
    private let no, school, fullName, email: Int?
    /// The course, programme and direction columns (titles, not totals, in a row with a name).
    private let titleColumns: Set<Int>
    /// The columns of the facts `isAboutAPerson` counts.
    private let factColumns: [Int?]

    init(layout: HeaderLayout, headerRows: [RowContent] = []) {
        self.layout = layout
        self.headerRows = headerRows
        no = layout.columns[.no]
        school = layout.columns[.school]
        fullName = layout.columns[.fullName]
        email = layout.columns[.email]
        titleColumns = Set([ColumnMeaning.lastCourse, .programme, .trainingDirection].compactMap { layout.columns[$0] })
        factColumns = [ColumnMeaning.trainingDirection, .programme, .lastCourse, .lastCourseDate, .lastCourseHours, .phone]
            .map { layout.columns[$0] }
    }

    func classify(_ content: RowContent) -> RowKind {
        let columns = content.contentColumns
        if columns.isEmpty { return .empty }
        if isColumnNumbers(content, columns) { return .columnNumbers }
        // Only label-like rows can be the header again; data rows skip the costlier reading.
        if !content.hasDataLikeCell, HeaderFinder.layout(rowIndices: [], upper: content, lower: nil).qualifies {
            return .repeatedHeader
        }
        if isHeaderEcho(content, columns) { return .repeatedHeader }
        if isTotal(content, columns) { return .total }
        if columns.count == 1, case .text = content.cell(at: columns[0]).value { return .singleText }
        if isFooter(content, columns) { return .footer }
        if isSection(content, columns) { return .section }
        if isExample(content) { return .example }
        if columns.allSatisfy({ $0 == no || $0 == school }) { return .template }
        if !isAboutAPerson(content) { return .noPerson }
        return .employee
    }

    /// Two or more cells, each repeating the header's text in its column (the second row of a
    /// two-row header printed again, which alone names no person and no address).
    private func isHeaderEcho(_ content: RowContent, _ columns: [Int]) -> Bool {
        guard columns.count >= 2, !content.hasDataLikeCell else { return false }
        return columns.allSatisfy { column in
            headerRows.contains { $0.text(at: column) == content.text(at: column) }
        }
    }

    /// Every cell an integer and together `1, 2, 3, …` (at least three of them).
    private func isColumnNumbers(_ content: RowContent, _ columns: [Int]) -> Bool {
        guard columns.count >= 3 else { return false }
        var values: [Int] = []
        for column in columns {
            guard let value = SerialNumber.parse(content.cell(at: column).value) else { return false }
            values.append(value)
        }
        return values.first == 1 && zip(values, values.dropFirst()).allSatisfy { $1 > $0 && $1 - $0 <= 2 }
    }

    /// A cell starting with a totals word, in a row that names no e-mail address. In a row with
    /// a name, course and programme titles are not looked at: "Total Quality Management" is a course.
    private func isTotal(_ content: RowContent, _ columns: [Int]) -> Bool {
        guard !content.hasAddress else { return false }
        let named = fullName.flatMap(content.text(at:)) != nil
        let titles = named ? titleColumns : []
        return columns.contains { column in
            guard !titles.contains(column), case .text = content.cell(at: column).value, let text = content.text(at: column) else { return false }
            return RowVocabulary.totalWords.contains(Self.firstWord(text))
        }
    }

    /// A signature line (`______`) or a row that opens with a footer word, without an address.
    /// The signer's role may come after the unit (`Құқық жоғары мектебінің деканы`).
    private func isFooter(_ content: RowContent, _ columns: [Int]) -> Bool {
        if let first = columns.first, first != fullName, case .text = content.cell(at: first).value,
           let text = content.text(at: first), RowVocabulary.preparedByWords.contains(Self.firstWord(text)) {
            return true
        }
        guard !content.hasAddress else { return false }
        if columns.contains(where: { content.text(at: $0)?.contains("___") ?? false }) { return true }
        guard let first = columns.first, case .text = content.cell(at: first).value,
              let text = content.text(at: first) else { return false }
        let words = Self.firstWords(text)
        if let opening = words.first, RowVocabulary.footerWords.contains(opening) { return true }
        // Later words only in a row holding no data, and only the signer's role: a unit called
        // `Ректор аппараты` with dates and hours is a row of people.
        return !content.hasDataLikeCell && words.dropFirst().contains(where: RowVocabulary.signerWords.contains)
    }

    /// Text only, no number in the № column, no data, and a staff-category word: a section
    /// heading spread over cells (`I | Профессорлық-оқытушылық құрам (ПОҚ)`), not a person
    /// without an address.
    private func isSection(_ content: RowContent, _ columns: [Int]) -> Bool {
        guard !content.hasDataLikeCell, columns.count <= 3 else { return false }
        if let no, SerialNumber.parse(content.cell(at: no).value) != nil { return false }
        // A unit's name (`Faculty of Law`) in the school column says nothing about the row.
        return columns.contains { column in
            guard column != school, case .text = content.cell(at: column).value,
                  let text = content.text(at: column) else { return false }
            return Self.sectionWords(text).contains(where: RowVocabulary.sectionWords.contains)
        }
    }

    /// The № cell says the row is the template's example (`Мысалы:`), not a person.
    private func isExample(_ content: RowContent) -> Bool {
        guard let no, case .text = content.cell(at: no).value,
              let text = content.text(at: no) else { return false }
        return RowVocabulary.exampleWords.contains(Self.firstWord(text))
    }

    /// A section label's words, hyphenated compounds joined (`оқытушылық-құрам` → one word).
    static func sectionWords(_ text: String) -> [String] {
        let joined = text.replacingOccurrences(of: "-", with: "")
        return FoldedText(String(joined.prefix(80))).tokens
    }

    /// The first word, lowercased, without reading the whole cell (abbreviations such as
    /// `М.П.` joined as `FoldedText` joins them).
    static func firstWord(_ text: String) -> String {
        FoldedText(String(text.prefix(40))).tokens.first ?? ""
    }

    static func firstWords(_ text: String) -> ArraySlice<String> {
        FoldedText(String(text.prefix(80))).tokens.prefix(4)
    }

    /// A name or an address, or at least two other facts about a person's courses and contacts.
    private func isAboutAPerson(_ content: RowContent) -> Bool {
        func filled(_ column: Int?) -> Bool {
            column.flatMap(content.text(at:)) != nil
        }
        if filled(fullName) || filled(email) { return true }
        return factColumns.filter(filled).count >= 2
    }
}
