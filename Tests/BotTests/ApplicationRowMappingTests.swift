import Applications
import Foundation
import Store
import Testing

/// Issue 12: `ApplicationRow` (what a reader makes of a row) and `StoredApplicationRow` (what the
/// store keeps) are two types; this keeps their shared fields from drifting apart.
@Suite struct ApplicationRowMappingTests {
    static func fields(_ value: Any) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Mirror(reflecting: value).children.compactMap { child in
            child.label.map { ($0, "\(type(of: child.value))") }
        })
    }

    @Test func everyFieldOfAReadRowIsKeptUnderTheSameNameAndType() {
        let read = Self.fields(ApplicationRow())
        let stored = Self.fields(StoredApplicationRow(
            no: nil, school: nil, fullName: nil, trainingDirection: nil, programme: nil, lastCourse: nil,
            lastCourseDate: nil, lastCourseHours: nil, phone: nil, email: "", unit: "", submittedBy: "",
            messageID: "", receivedAt: Date(), sourceFile: nil, cycle: "", late: false))
        #expect(read.count == 10)
        for (name, type) in read.sorted(by: { $0.key < $1.key }) {
            // The store's email is required (the row's key); the reader's may be missing.
            let expected = name == "email" ? "String" : type
            #expect(stored[name] == expected, "\(name): \(type) read, \(stored[name] ?? "missing") stored")
        }
    }
}
