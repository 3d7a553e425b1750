import Documents

extension Document {
    /// What `read` makes of the first table it accepts, visible tables before hidden ones (a
    /// workbook's hidden sheets are often old copies); when it accepts none, its first refusal,
    /// or `none` for a document without tables. The one loop of the Plan and completions readers.
    func firstReadable<Reading>(_ read: (Table) throws(RegulationError) -> Reading,
                                none: RegulationError) throws(RegulationError) -> Reading {
        var firstError: RegulationError?
        for table in tables.filter({ !$0.isHidden }) + tables.filter(\.isHidden) {
            do {
                return try read(table)
            } catch {
                firstError = firstError ?? error
            }
        }
        throw firstError ?? none
    }
}
