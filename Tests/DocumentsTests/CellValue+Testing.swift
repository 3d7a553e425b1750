@testable import Documents

extension Table {
    /// The row numbered `number`, if the table has it.
    func row(_ number: Int) -> Row? { rows.first { $0.number == number } }

    /// The value at 1-based row `number`, 0-based `column`; `.empty` when absent.
    func value(_ number: Int, _ column: Int) -> CellValue {
        guard let row = row(number), column < row.cells.count else { return .empty }
        return row.cells[column].value
    }

    func cell(_ number: Int, _ column: Int) -> Cell? {
        guard let row = row(number), column < row.cells.count else { return nil }
        return row.cells[column]
    }
}

extension DocumentReader {
    /// Reads and returns the error kind, or nil when the file opened.
    static func errorKind(_ bytes: [UInt8], _ name: String = "test", limits: DocumentLimits = .init()) -> DocumentError.Kind? {
        do {
            _ = try read(bytes: bytes, fileName: name, limits: limits)
            return nil
        } catch {
            return error.kind
        }
    }
}
