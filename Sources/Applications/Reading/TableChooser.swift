import Documents

/// Picks the application table of a document: the table whose header names the most Appendix 1
/// columns. Hidden sheets count only when nothing visible qualifies; on a tie the table with
/// more employee rows wins (an instruction sheet with a sample header loses), then the first.
/// A table listing people (two rows or more) comes before one with at most a filled-in example
/// row, whatever its header names: a sample sheet copies the full official header.
enum TableChooser {
    static func choose(from tables: [Table], receivedOn: CalendarDay, limits: ApplicationLimits) -> TableReading? {
        let candidates = tables.compactMap { table in
            HeaderFinder.find(in: table, limits: limits).map {
                TableReading(table: table, layout: $0, receivedOn: receivedOn, limits: limits)
            }
        }
        // Counting employee rows means classifying every row: only when there is a choice.
        guard candidates.count > 1 else { return candidates.first }
        var best: (reading: TableReading, rank: (Int, Int, Int, Int))?
        for reading in candidates {
            let people = reading.employeeRowCount
            let rank = (reading.table.isHidden ? 0 : 1, people >= 2 ? 1 : 0, reading.layout.columns.count, people)
            if best == nil || rank > (best?.rank ?? (0, 0, 0, 0)) { best = (reading, rank) }
        }
        return best?.reading
    }
}
