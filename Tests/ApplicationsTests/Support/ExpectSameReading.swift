import Testing
@testable import Applications

/// A reading against the one an oracle file gives, field by field, so a failure names the file
/// and what differs (the file's outcome, a row, a row error).
func expectSameReading(_ got: ApplicationReading, _ expected: ApplicationReading, _ file: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(got.readable == expected.readable, "\(file)", sourceLocation: sourceLocation)
    #expect(got.errorKind == expected.errorKind, "\(file): \(got.detail ?? "")", sourceLocation: sourceLocation)
    #expect(got.rows.count == expected.rows.count, "\(file)", sourceLocation: sourceLocation)
    for (gotRow, expectedRow) in zip(got.rows, expected.rows) {
        #expect(gotRow == expectedRow, "\(file)", sourceLocation: sourceLocation)
    }
    #expect(got.invalidRows == expected.invalidRows, "\(file)", sourceLocation: sourceLocation)
}
