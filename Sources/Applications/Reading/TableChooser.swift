import Documents

/// Picks the application table of a document: the table whose header names the most Appendix 1
/// columns. Hidden sheets count only when nothing visible qualifies; on a tie the table with
/// more employee rows wins (an instruction sheet with a sample header loses), then the first.
enum TableChooser {
    static func choose(from tables: [Table], receivedOn: CalendarDay, limits: ApplicationLimits) -> TableReading? {
        var best: (reading: TableReading, rank: (Int, Int, Int))?
        for table in tables {
            guard let layout = HeaderFinder.find(in: table, limits: limits) else { continue }
            let reading = TableReading(table: table, layout: layout, receivedOn: receivedOn, limits: limits)
            let rank = (table.isHidden ? 0 : 1, layout.columns.count, reading.employeeRowCount)
            if best == nil || rank > (best?.rank ?? (0, 0, 0)) { best = (reading, rank) }
        }
        return best?.reading
    }
}
