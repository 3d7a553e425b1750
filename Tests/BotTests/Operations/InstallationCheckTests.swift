import Config
import Foundation
import Regulation
import Store
import Testing
@testable import Bot

@Suite struct InstallationCheckTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func calendarMissingNextYearIsAWarningUntilNovemberAndAFailureFromIt() throws {
        let october = try #require(CivilDate(year: 2027, month: 10, day: 31))
        let november = try #require(CivilDate(year: 2027, month: 11, day: 1))
        #expect(InstallationCheck.calendarCoverage(years: [2026, 2027], today: october, source: "h.yml").status == .warning)
        let failed = InstallationCheck.calendarCoverage(years: [2026, 2027], today: november, source: "h.yml")
        #expect(failed.status == .failed)
        #expect(failed.line.hasPrefix("✗ rules.calendar: covers 2027 but not 2028, which begins in 61 day(s) – add"))
        #expect(InstallationCheck.calendarCoverage(years: [2027, 2028], today: november, source: "h.yml").status == .ok)
        #expect(InstallationCheck.calendarCoverage(years: [2026], today: october, source: "h.yml").status == .failed)
    }

    @Test func storeMustBeOwnedByTheServiceAndPrivate() {
        let folder = UInt32(S_IFDIR)
        #expect(InstallationCheck.storeOwnership(path: "/s", owner: 107, mode: folder | 0o700, user: 107).status == .ok)
        #expect(InstallationCheck.storeOwnership(path: "/s", owner: 107, mode: folder | 0o750, user: 107).line
            == "✗ store: /s has mode 0750: others can read personal data – chmod 0700 /s")
        #expect(InstallationCheck.storeOwnership(path: "/s", owner: 0, mode: folder | 0o700, user: 107).status == .failed)
        // root (the administrator) may check the service's store, but not one root owns.
        #expect(InstallationCheck.storeOwnership(path: "/s", owner: 107, mode: folder | 0o700, user: 0).status == .ok)
        #expect(InstallationCheck.storeOwnership(path: "/s", owner: 0, mode: folder | 0o700, user: 0).status == .warning)
        #expect(InstallationCheck.storeOwnership(path: "/s", owner: 107, mode: UInt32(S_IFREG) | 0o600, user: 107).status == .failed)
    }

    @Test func lessThanTenPercentFreeFails() {
        #expect(InstallationCheck.freeSpace(path: "/s", freeBlocks: 11, totalBlocks: 100, blockSize: 4096, minimum: 0.1).status == .ok)
        let low = InstallationCheck.freeSpace(path: "/s", freeBlocks: 9, totalBlocks: 100, blockSize: 4096, minimum: 0.1)
        #expect(low.status == .failed)
        #expect(low.detail.hasSuffix("(9%), under 10%"))
    }

    @Test func missingCapabilitiesAreWarningsThatSayWhatIsLost() {
        let results = InstallationCheck.capabilityChecks(["IDLE", "UIDPLUS"])
        #expect(results.map(\.status) == [.ok, .warning, .ok, .warning])
        #expect(results[1].line.hasPrefix("! imap.move: not offered: messages are copied and expunged instead"))
        #expect(CheckResult.exitCode(of: results) == 0)
        #expect(CheckResult.exitCode(of: results + [.failed("x", "y", fix: "z")]) == 1)
    }

    @Test func theProjectsFilesPassTheLocalChecks() throws {
        var configuration = CPDBotConfiguration()
        configuration.tls.caFile = nil
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-check-\(UUID().uuidString)")
        _ = try FileStore(root: store)
        defer { try? FileManager.default.removeItem(at: store) }
        configuration.store.path = store.path
        let templates = Self.repository.appendingPathComponent("templates")
        let check = InstallationCheck(configuration: configuration, templatesDirectory: templates,
                                      ruleFiles: RuleFiles(nextTo: templates),
                                      environment: ["CPDBOT_IMAP_PASSWORD": "x", "CPDBOT_SMTP_PASSWORD": "y"],
                                      now: Date(timeIntervalSince1970: 1_780_000_000))
        let results = check.local()
        #expect(results.filter { $0.status == .failed }.isEmpty, "\(results.map(\.line))")
        #expect(results.map(\.name).contains("templates"))
    }

    @Test func aTemplateMissingInOneLanguageIsNamed() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("templates"), to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.removeItem(at: copy.appendingPathComponent("kk/receipt.html.mustache"))
        let problems = TemplateLibrary(directory: copy).problems()
        #expect(problems == [.missingTemplate(path: copy.appendingPathComponent("kk/receipt.html.mustache").path)])
    }
}
