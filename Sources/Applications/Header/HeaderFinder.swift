import Documents

/// Finds the Appendix 1 header of a table by meaning: every row near the top, alone or
/// together with the row below it as a two-row header, is read cell by cell, and the
/// candidate naming the most distinct columns wins.
enum HeaderFinder {
    static func find(in table: Table, limits: ApplicationLimits) -> HeaderLayout? {
        let rows = table.rows.prefix(limits.headerSearchRows).map(RowContent.init)
        var best: (layout: HeaderLayout, rank: (Int, Int))?
        var readings = HeaderCellReadings(maxLabelBytes: limits.maxHeaderLabelBytes)
        for index in rows.indices {
            var candidates = [layout(rowIndices: [index], upper: rows[index], lower: nil, readings: &readings)]
            let next = index + 1
            if next < rows.count, canBeUpperRow(rows[index]), canBeLowerRow(rows[next]) {
                candidates.append(layout(rowIndices: [index, next], upper: rows[index], lower: rows[next],
                                         readings: &readings))
            }
            for candidate in candidates where candidate.qualifies {
                // More meanings first; on a tie the two-row reading, which sees the sub-labels.
                let rank = (candidate.columns.count, candidate.rowIndices.count)
                if best == nil || rank > (best?.rank ?? (0, 0)) { best = (candidate, rank) }
            }
        }
        guard var layout = best?.layout else { return nil }
        if layout.columns[.no] == nil, unlabelledNumbers(in: rows, below: layout) {
            layout.columns[.no] = 0
        }
        return layout
    }

    /// A first column without a label, not claimed by any meaning, whose first rows below the
    /// header hold whole numbers: the № column someone left unlabelled.
    private static func unlabelledNumbers(in rows: [RowContent], below layout: HeaderLayout) -> Bool {
        guard !layout.columns.values.contains(0), !layout.nameParts.contains(0),
              layout.rowIndices.allSatisfy({ rows[$0].text(at: 0) == nil }) else { return false }
        let below = rows.dropFirst(layout.lastRowIndex + 1).prefix(5)
        let numbers = below.compactMap { SerialNumber.parse($0.cell(at: 0).value) }
        return !numbers.isEmpty && numbers.count == below.filter { $0.text(at: 0) != nil }.count
    }

    static func layout(rowIndices: [Int], upper: RowContent, lower: RowContent?,
                       limits: ApplicationLimits = .init()) -> HeaderLayout {
        var readings = HeaderCellReadings(maxLabelBytes: limits.maxHeaderLabelBytes)
        return layout(rowIndices: rowIndices, upper: upper, lower: lower, readings: &readings)
    }

    private static func layout(rowIndices: [Int], upper: RowContent, lower: RowContent?,
                               readings: inout HeaderCellReadings) -> HeaderLayout {
        let labels = labels(upper: upper, lower: lower)
        var columns = meanings(of: labels, readings: &readings)
        var parts = nameParts(of: labels, readings: &readings)
        if parts.count >= 2, let first = parts.first {
            columns[.fullName] = first
        } else if let name = columns[.fullName] {
            parts = mergedSpan(from: name, upper: upper, lower: lower)
        }
        return HeaderLayout(rowIndices: rowIndices, columns: columns, nameParts: parts.count >= 2 ? parts : [])
    }

    /// `Т.А.Ә.` merged over two or three columns with no sub-labels: the surname in the first,
    /// the rest of the name in the next. The name is every column the label spans.
    private static func mergedSpan(from column: Int, upper: RowContent, lower: RowContent?) -> [Int] {
        let label = lower?.text(at: column) != nil && !(lower?.cell(at: column).isMergedCopy ?? true)
            ? nil : upper.text(at: column)
        guard let label, !upper.cell(at: column).isMergedCopy else { return [] }
        var span = [column]
        var next = column + 1
        while span.count < 3, upper.cell(at: next).isMergedCopy, upper.text(at: next) == label,
              lower.map({ $0.text(at: next) == nil || $0.cell(at: next).isMergedCopy }) ?? true {
            span.append(next)
            next += 1
        }
        return span
    }

    /// Which meaning each column names. With `lower`, a cell of the second row is read under
    /// the label above it; an empty upper cell takes the label of a group spanning it.
    static func columns(upper: RowContent, lower: RowContent?) -> [ColumnMeaning: Int] {
        layout(rowIndices: [], upper: upper, lower: lower).columns
    }

    /// Each column's label: the upper text, and the sub-label below it for a two-row header.
    private static func labels(upper: RowContent, lower: RowContent?) -> [(top: String?, bottom: String?)] {
        let width = max(upper.texts.count, lower?.texts.count ?? 0)
        return (0..<width).map { column in
            var top = upper.text(at: column)
            var bottom = lower?.text(at: column)
            if let lower, lower.cell(at: column).isMergedCopy, bottom == top { bottom = nil }
            if top == nil, bottom != nil, let lower { top = groupLabel(left: column, upper: upper, lower: lower) }
            return (top, bottom)
        }
    }

    /// The strongest column for each meaning; on a tie the leftmost.
    private static func meanings(of labels: [(top: String?, bottom: String?)],
                                 readings: inout HeaderCellReadings) -> [ColumnMeaning: Int] {
        var chosen: [ColumnMeaning: (column: Int, strength: Int)] = [:]
        var programmeColumns: [Int] = []
        var courseParts: [ColumnMeaning: [CoursePartLabel]] = [:]
        for (column, label) in labels.enumerated() {
            let reading: (meaning: ColumnMeaning, strength: Int)?
            switch (label.top, label.bottom) {
            case let (top?, bottom?): reading = readings.meaning(upper: top, lower: bottom)
            case let (top?, nil): reading = readings.meaning(upper: top, lower: nil)
            case let (nil, bottom?): reading = readings.meaning(upper: bottom, lower: nil)
            case (nil, nil): reading = nil
            }
            guard let reading else { continue }
            if reading.meaning == .programme { programmeColumns.append(column) }
            if reading.meaning == .lastCourseDate || reading.meaning == .lastCourseHours {
                let text = [label.top, label.bottom].compactMap { $0 }.joined(separator: " ")
                courseParts[reading.meaning, default: []].append(
                    CoursePartLabel(column: column, strength: reading.strength, namesStart: HeaderCellMeaning.namesStart(text)))
            }
            if reading.strength > (chosen[reading.meaning]?.strength ?? 0) {
                chosen[reading.meaning] = (column, reading.strength)
            }
        }
        var result = chosen.mapValues(\.column)
        shareProgrammeAndDirection(&result, programmeColumns: programmeColumns, labels: labels)
        for (meaning, candidates) in courseParts {
            if let column = breakTie(among: candidates, course: result[.lastCourse]) { result[meaning] = column }
        }
        return result
    }

    struct CoursePartLabel {
        var column: Int
        var strength: Int
        var namesStart: Bool
    }

    /// Two equally strong date (or hours) labels. A start date yields to the end date (the
    /// last course is dated by its completion); otherwise, as with `Сертификат берілген күні`
    /// and `Күні`, the one that follows the course title most closely is the course's, as
    /// Appendix 1 lays out title, date and hours side by side. Nil keeps the leftmost.
    private static func breakTie(among candidates: [CoursePartLabel], course: Int?) -> Int? {
        guard let strongest = candidates.map(\.strength).max() else { return nil }
        var tied = candidates.filter { $0.strength == strongest }
        guard tied.count > 1 else { return nil }
        if tied.contains(where: { !$0.namesStart }) { tied.removeAll(where: \.namesStart) }
        if tied.count == 1 { return tied.first?.column }
        guard let course else { return nil }
        return tied.map(\.column).filter { $0 > course }.min()
    }

    /// `ОП шифры және атауы (бағыты)` names the programme and the direction at once, and
    /// `ОП шифры` names a code. When another column names only the programme, the shared or
    /// code label is the direction's.
    private static func shareProgrammeAndDirection(_ result: inout [ColumnMeaning: Int], programmeColumns: [Int],
                                                    labels: [(top: String?, bottom: String?)]) {
        guard result[.trainingDirection] == nil, let shared = result[.programme], programmeColumns.count >= 2 else { return }
        let label = [labels[shared].top, labels[shared].bottom].compactMap { $0 }.joined(separator: " ")
        guard HeaderCellMeaning.namesDirection(label),
              let other = programmeColumns.first(where: { column in
                  column != shared && !HeaderCellMeaning.namesDirection(
                      [labels[column].top, labels[column].bottom].compactMap { $0 }.joined(separator: " "))
              }) else { return }
        result[.trainingDirection] = shared
        result[.programme] = other
    }

    /// Columns naming one part of the name each (surname, given name, patronymic), in that
    /// order, each part once. Fewer than two means the name is not split.
    private static func nameParts(of labels: [(top: String?, bottom: String?)],
                                  readings: inout HeaderCellReadings) -> [Int] {
        var found: [NamePart: Int] = [:]
        for (column, label) in labels.enumerated() {
            let text = label.bottom ?? label.top
            guard let text, let part = readings.namePart(text), found[part] == nil else { continue }
            found[part] = column
        }
        return found.sorted { $0.key < $1.key }.map(\.value)
    }

    /// The label of a group header spanning `column` when the file left the spanned upper cells
    /// empty: the nearest label to the left that has its own sub-label below it.
    private static func groupLabel(left column: Int, upper: RowContent, lower: RowContent) -> String? {
        var index = column - 1
        while index >= 0 {
            if let label = upper.text(at: index) {
                return lower.text(at: index) != nil && !lower.cell(at: index).isMergedCopy ? label : nil
            }
            index -= 1
        }
        return nil
    }

    /// The first row of a two-row header holds at least two labels of its own (a title does not).
    private static func canBeUpperRow(_ row: RowContent) -> Bool {
        row.ownTextColumns.count >= 2 && !row.hasDataLikeCell
    }

    /// The second row holds sub-labels: text only, no data.
    private static func canBeLowerRow(_ row: RowContent) -> Bool {
        row.ownTextColumns.count >= 2 && !row.hasDataLikeCell
    }
}
