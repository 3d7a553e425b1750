import Dispatch
import Documents

/// Classifies and validates a block of rows, the two halves on two threads when asked and the
/// block is large enough to be worth it. Reading one row depends on nothing but that row, so the result
/// is the same as reading them one by one.
enum RowBlock {
    /// Below this, a second thread costs more than it saves.
    static let parallelMinimum = 64

    /// Per row in order: its number and, for an employee row, the validation outcome.
    static func outcomes(of rows: ArraySlice<Row>, classifier: RowClassifier, validator: RowValidator,
                         parallel: Bool) -> [(Int, RowValidator.Outcome?)] {
        func outcome(_ row: Row) -> (Int, RowValidator.Outcome?) {
            let content = RowContent(row)
            guard classifier.classify(content) == .employee else { return (row.number, nil) }
            return (row.number, validator.validate(content))
        }
        guard parallel, rows.count >= parallelMinimum else { return rows.map(outcome) }
        let middle = rows.startIndex + rows.count / 2
        let results = Results(count: rows.count)
        let work = UncheckedWork(body: { half in
            let range = half == 0 ? rows.startIndex..<middle : middle..<rows.endIndex
            for index in range { results.set(index - rows.startIndex, outcome(rows[index])) }
        })
        DispatchQueue.concurrentPerform(iterations: 2) { half in work.body(half) }
        return results.take()
    }

    /// Slots each thread fills at its own indices: raw memory, so that the two threads never
    /// touch shared bookkeeping (an array's would be one modify access from two threads).
    private final class Results: @unchecked Sendable {
        private let slots: UnsafeMutableBufferPointer<(Int, RowValidator.Outcome?)>

        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: (0, nil))
        }

        deinit {
            slots.deinitialize()
            slots.deallocate()
        }

        func set(_ index: Int, _ value: (Int, RowValidator.Outcome?)) { slots[index] = value }

        func take() -> [(Int, RowValidator.Outcome?)] { Array(slots) }
    }

    /// The classifier and validator are read-only values; the two halves never share a row.
    private struct UncheckedWork: @unchecked Sendable {
        let body: (Int) -> Void
    }
}
