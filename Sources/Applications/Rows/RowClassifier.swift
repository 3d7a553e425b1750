import Documents

/// Sorts the rows below the header into employee rows and the rows to skip.
struct RowClassifier {
    let layout: HeaderLayout

    func classify(_ content: RowContent) -> RowKind {
        let columns = content.contentColumns
        if columns.isEmpty { return .empty }
        if isColumnNumbers(content, columns) { return .columnNumbers }
        if HeaderLayout(rowIndices: [], columns: HeaderFinder.columns(upper: content, lower: nil)).qualifies {
            return .repeatedHeader
        }
        if isTotal(content, columns) { return .total }
        if columns.count == 1, case .text = content.cell(at: columns[0]).value { return .singleText }
        if isFooter(content, columns) { return .footer }
        let identity: Set<Int?> = [layout.columns[.no], layout.columns[.school]]
        if columns.allSatisfy({ identity.contains($0) }) { return .template }
        if !isAboutAPerson(content) { return .noPerson }
        return .employee
    }

    /// Every cell an integer and together `1, 2, 3, …` (at least three of them).
    private func isColumnNumbers(_ content: RowContent, _ columns: [Int]) -> Bool {
        guard columns.count >= 3 else { return false }
        let numbers = columns.map { SerialNumber.parse(content.cell(at: $0).value) }
        guard numbers.allSatisfy({ $0 != nil }) else { return false }
        let values = numbers.compactMap { $0 }
        return values.first == 1 && zip(values, values.dropFirst()).allSatisfy { $1 > $0 && $1 - $0 <= 2 }
    }

    /// A cell starting with a totals word, in a row that names no e-mail address.
    private func isTotal(_ content: RowContent, _ columns: [Int]) -> Bool {
        guard !hasAddress(content) else { return false }
        return columns.contains { column in
            guard case .text = content.cell(at: column).value, let text = content.text(at: column) else { return false }
            return FoldedText(text).tokens.first.map(RowVocabulary.totalWords.contains) ?? false
        }
    }

    /// A signature line (`______`) or a row that opens with a footer word, without an address.
    private func isFooter(_ content: RowContent, _ columns: [Int]) -> Bool {
        guard !hasAddress(content) else { return false }
        if columns.contains(where: { content.text(at: $0)?.contains("___") ?? false }) { return true }
        guard let first = columns.first, let text = content.text(at: first) else { return false }
        return FoldedText(text).tokens.first.map(RowVocabulary.footerWords.contains) ?? false
    }

    private func hasAddress(_ content: RowContent) -> Bool {
        content.texts.contains { $0?.contains("@") ?? false }
    }

    /// A name or an address, or at least two other facts about a person's courses and contacts.
    private func isAboutAPerson(_ content: RowContent) -> Bool {
        func filled(_ meaning: ColumnMeaning) -> Bool {
            layout.columns[meaning].flatMap(content.text(at:)) != nil
        }
        if filled(.fullName) || filled(.email) { return true }
        let facts: [ColumnMeaning] = [.trainingDirection, .programme, .lastCourse, .lastCourseDate, .lastCourseHours, .phone]
        return facts.filter(filled).count >= 2
    }
}
