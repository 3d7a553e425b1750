import Testing
import Foundation
@testable import Regulation

/// §7.16 certificate numbers: formatted by policy, stable across reprocessing.
@Suite struct CertificateTests {
    @Test(arguments: [
        ("CPD-{year}-{seq:5}", 42, "CPD-2026-00042"), ("{course}/{seq}", 7, "PK-1/7"),
        ("№{seq:2}", 123, "№123"), ("{seq:3}-{year}", 1, "001-2026"),
    ])
    func formats(format: String, sequence: Int, number: String) throws {
        #expect(try CertificateNumberFormat(format).number(sequence: sequence, year: 2026, courseID: "PK-1") == number)
    }

    @Test(arguments: ["CPD-{year}", "{seq", "seq}", "{seq:0}", "{seq:13}", "{seq:x}", "{name}-{seq}", ""])
    func badFormatsAreRefused(_ format: String) {
        #expect(throws: RegulationError.self) { try CertificateNumberFormat(format) }
    }

    @Test func reprocessingNeverIssuesASecondNumber() throws {
        let format = try CertificateNumberFormat("CPD-{year}-{seq:4}")
        var registry = CertificateRegistry()
        let first = registry.issue(courseID: "C-1", participantEmail: "a@u.kz", year: 2026, format: format)
        let other = registry.issue(courseID: "C-1", participantEmail: "b@u.kz", year: 2026, format: format)
        let again = registry.issue(courseID: "C-1", participantEmail: " A@U.KZ", year: 2027, format: format)
        #expect(first == ("CPD-2026-0001", true))
        #expect(other == ("CPD-2026-0002", true))
        #expect(again == ("CPD-2026-0001", false))

        // The caller persists the registry; a reloaded one still knows the numbers.
        let reloaded = try JSONDecoder().decode(CertificateRegistry.self, from: JSONEncoder().encode(registry))
        var copy = reloaded
        #expect(copy.issue(courseID: "C-1", participantEmail: "b@u.kz", year: 2026, format: format) == ("CPD-2026-0002", false))
        #expect(copy.issue(courseID: "C-2", participantEmail: "a@u.kz", year: 2026, format: format) == ("CPD-2026-0003", true))
    }
}
