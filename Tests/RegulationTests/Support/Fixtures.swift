import Foundation
@testable import Regulation

/// Files the tests read: the committed configuration and the sample corpus copy in Tests/Fixtures.
enum Fixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let samples = repositoryRoot.appendingPathComponent("Tests/Fixtures/samples")
    static let cycle = samples.appendingPathComponent("cycle")

    static func text(_ url: URL) throws -> String {
        try String(decoding: Data(contentsOf: url), as: UTF8.self)
    }

    static func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    static func holidays() throws -> HolidayCalendar {
        try HolidayCalendar(yaml: text(repositoryRoot.appendingPathComponent("config/holidays-kz.yml")))
    }

    static func policy() throws -> Policy {
        try Policy(yaml: text(repositoryRoot.appendingPathComponent("config/policy.yml")))
    }

    static func expected() throws -> CycleExpected {
        try JSONDecoder().decode(CycleExpected.self, from: Data(contentsOf: cycle.appendingPathComponent("expected.json")))
    }

    static func date(_ iso: String) -> CivilDate {
        guard let date = CivilDate(iso: iso) else { fatalError("bad date literal in a test: \(iso)") }
        return date
    }
}
