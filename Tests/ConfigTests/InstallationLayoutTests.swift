import Foundation
import Testing
@testable import Config

@Suite struct InstallationLayoutTests {
    @Test func packagedBinaryLooksInEtcAndUsrShare() {
        let layout = InstallationLayout(executablePath: "/usr/bin/cpdbot") { $0 == "/usr/share/cpdbot/templates" }
        #expect(layout.isInstalled)
        #expect(layout.configurationFile == "/etc/cpdbot/cpdbot.yml")
        #expect(layout.templatesDirectory == "/usr/share/cpdbot/templates")
        #expect(layout.ruleDirectories == ["/etc/cpdbot", "/usr/share/cpdbot/config"])
    }

    @Test func localPrefixKeepsItsConfigurationUnderThePrefix() {
        let layout = InstallationLayout(executablePath: "/usr/local/bin/cpdbot") { $0 == "/usr/local/share/cpdbot/templates" }
        #expect(layout.configurationFile == "/usr/local/etc/cpdbot/cpdbot.yml")
        #expect(layout.templatesDirectory == "/usr/local/share/cpdbot/templates")
    }

    @Test(arguments: ["/work/cpdbot/.build/x86_64-unknown-linux-gnu/debug/cpdbot", "/usr/bin/cpdbot", "/opt/x/cpdbot"])
    func aBinaryWithoutInstalledTemplatesKeepsTheCheckoutLayout(_ path: String) {
        let layout = InstallationLayout(executablePath: path) { _ in false }
        #expect(layout == .checkout)
        #expect(layout.configurationFile == "config/cpdbot.yml")
        #expect(layout.templatesDirectory == "templates")
        #expect(layout.ruleFile("policy.yml", fileExists: { _ in true }) == "config/policy.yml")
    }

    @Test func theAdministratorsRuleFileWinsOverThePackagedOne() {
        let layout = InstallationLayout(executablePath: "/usr/bin/cpdbot") { _ in true }
        #expect(layout.ruleFile("holidays-kz.yml", fileExists: { $0 == "/etc/cpdbot/holidays-kz.yml" })
            == "/etc/cpdbot/holidays-kz.yml")
        #expect(layout.ruleFile("policy.yml", fileExists: { $0.hasPrefix("/usr/share") }) == "/usr/share/cpdbot/config/policy.yml")
        // Missing everywhere: the packaged path, which the error then names.
        #expect(layout.ruleFile("policy.yml", fileExists: { _ in false }) == "/usr/share/cpdbot/config/policy.yml")
    }

    @Test func theRunningTestBinaryIsNotAnInstallation() {
        #expect(!InstallationLayout.current().isInstalled)
    }
}

@Suite struct CredentialDirectoryTests {
    @Test func systemdCredentialIsUsedWhenNoPasswordFileIsConfigured() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-cred-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("imap-password")
        try Data("from-systemd\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: file.path)
        let resolver = PasswordResolver(environment: ["CREDENTIALS_DIRECTORY": folder.path, "CPDBOT_IMAP_PASSWORD": "from-env"])
        #expect(try resolver.resolve(PasswordSource(environmentVariable: "CPDBOT_IMAP_PASSWORD"), section: "imap").reveal()
            == "from-systemd")
        // No smtp-password credential: the environment variable, as before.
        let smtp = try resolver.resolve(PasswordSource(environmentVariable: "CPDBOT_IMAP_PASSWORD"), section: "smtp")
        #expect(smtp.reveal() == "from-env")
    }
}
