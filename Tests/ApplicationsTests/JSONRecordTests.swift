import Testing
import Foundation
@testable import Applications

@Suite struct JSONRecordTests {
    private let record = ApplicationFileRecord(file: "applications/x.xlsx", reading: ApplicationReading(
        readable: true, errorKind: nil,
        rows: [ApplicationRow(no: 1, school: "Бизнес мектеп", fullName: "Ким \"Е\" С.", lastCourseHours: 24,
                              email: "e.kim@kazguu.kz")],
        invalidRows: [RowProblem(row: 7, field: .lastCourseHours, problem: .outOfRange)]))

    @Test func writesKeysInRecordOrderWithNullsAndUTF8() {
        let text = record.jsonText
        let keys = ["\"file\"", "\"readable\"", "\"error_kind\": null", "\"rows\"", "\"no\": 1", "\"school\": \"Бизнес мектеп\"",
                    "\"full_name\": \"Ким \\\"Е\\\" С.\"", "\"training_direction\": null", "\"programme\": null",
                    "\"last_course\": null", "\"last_course_date\": null", "\"last_course_hours\": 24", "\"phone\": null",
                    "\"email\": \"e.kim@kazguu.kz\"", "\"invalid_rows\"", "\"row\": 7",
                    "\"field\": \"last_course_hours\"", "\"problem\": \"out_of_range\""]
        let positions = keys.map { text.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(text)")
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted())
    }

    @Test func roundTripsThroughCodable() throws {
        let decoded = try JSONDecoder().decode(ApplicationFileRecord.self, from: Data(record.jsonText.utf8))
        #expect(decoded == record)
        let encoded = try JSONEncoder().encode(record)
        #expect(try JSONDecoder().decode(ApplicationFileRecord.self, from: encoded) == record)
    }

    @Test func severalRecordsMakeAnArray() throws {
        let text = ApplicationFileRecord.jsonText([record, record])
        let decoded = try JSONDecoder().decode([ApplicationFileRecord].self, from: Data(text.utf8))
        #expect(decoded.count == 2)
    }

    /// What `validate --json` streams to standard output is exactly the text built in memory.
    @Test func streamedTextEqualsBuiltText() {
        var one = ""
        ApplicationFileRecord.writeJSON([record], to: &one)
        #expect(one == record.jsonText + "\n")
        var two = ""
        ApplicationFileRecord.writeJSON([record, record], to: &two)
        #expect(two == ApplicationFileRecord.jsonText([record, record]) + "\n")
    }

    /// The word-at-a-time test agrees with the byte-by-byte one for every byte at every position.
    @Test func escapingTestAgreesWithTheSimpleOne() {
        for length in [0, 1, 7, 8, 9, 16, 23] {
            for position in 0..<max(1, length) {
                for byte in UInt8.min...UInt8.max {
                    var bytes = Array(repeating: UInt8(ascii: "a"), count: length)
                    if length > 0 { bytes[position] = byte }
                    let expected = bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
                    #expect(bytes.withUnsafeBufferPointer(JSONText.needsEscaping) == expected, "\(length) \(position) \(byte)")
                }
            }
        }
    }

    @Test func escapesControlCharacters() {
        #expect(JSONText.quote("a\u{1}b\n") == "\"a\\u0001b\\n\"")
    }
}
