/// Counts the cells a document has produced so far, across all its tables, against
/// `DocumentLimits.maxCells`. One budget per document read; readers share it by reference.
final class CellBudget {
    let limit: Int
    let fileName: String
    private(set) var used = 0

    init(limits: DocumentLimits, fileName: String) {
        limit = limits.maxCells
        self.fileName = fileName
    }

    /// For readers that cannot fail (HTML bodies): spends and says whether the cells fit.
    func take(_ cells: Int) -> Bool {
        guard used + cells <= limit else { return false }
        used += cells
        return true
    }

    func spend(_ cells: Int) throws(DocumentError) {
        used += cells
        guard used <= limit else {
            throw DocumentError(.tooLarge,
                "\(fileName) holds more than \(limit) cells (at least \(used); maximum \(limit)); "
                + "an application is far smaller. Send only the application table.")
        }
    }
}
