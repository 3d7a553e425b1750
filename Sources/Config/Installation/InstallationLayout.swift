public import Foundation

/// Where cpdbot finds its configuration, templates and rule files by default, decided from
/// where its executable lies. An installed binary (`<prefix>/bin/cpdbot` next to
/// `<prefix>/share/cpdbot/templates`, as the Debian package puts it) looks in `/etc/cpdbot`
/// and `/usr/share/cpdbot`; any other binary (a checkout's `.build/…/cpdbot`) keeps the
/// project's relative paths, so `scripts/demo` and `scripts/test` work from the repository.
public struct InstallationLayout: Sendable, Equatable {
    /// The default configuration file (`--config`).
    public var configurationFile: String
    /// The default templates folder (`--templates`), one folder per language.
    public var templatesDirectory: String
    /// Folders searched, in order, for `policy.yml` and `holidays-kz.yml`: the administrator's
    /// copy in `/etc/cpdbot` wins over the packaged one.
    public var ruleDirectories: [String]
    /// True for an installed binary.
    public var isInstalled: Bool

    /// The layout of a binary run from a checkout: every path relative to the working directory.
    public static let checkout = InstallationLayout(
        configurationFile: CPDBotConfiguration.defaultPath, templatesDirectory: "templates",
        ruleDirectories: ["config"], isInstalled: false)

    /// A layout with the given paths.
    public init(configurationFile: String, templatesDirectory: String, ruleDirectories: [String], isInstalled: Bool) {
        self.configurationFile = configurationFile
        self.templatesDirectory = templatesDirectory
        self.ruleDirectories = ruleDirectories
        self.isInstalled = isInstalled
    }

    /// The layout for an executable at `executablePath` (already resolved, no symbolic links).
    /// `directoryExists` is asked about `<prefix>/share/cpdbot/templates` only.
    public init(executablePath: String, directoryExists: (String) -> Bool) {
        let executable = URL(fileURLWithPath: executablePath).standardizedFileURL
        let binDirectory = executable.deletingLastPathComponent()
        let prefix = binDirectory.deletingLastPathComponent().path
        let share = (prefix == "/" ? "" : prefix) + "/share/cpdbot"
        guard binDirectory.lastPathComponent == "bin", directoryExists(share + "/templates") else {
            self = .checkout
            return
        }
        // /usr keeps its configuration in /etc (FHS); /usr/local and /opt/x in <prefix>/etc.
        let etc = prefix == "/usr" || prefix == "/" ? "/etc/cpdbot" : prefix + "/etc/cpdbot"
        self.init(configurationFile: etc + "/cpdbot.yml", templatesDirectory: share + "/templates",
                  ruleDirectories: [etc, share + "/config"], isInstalled: true)
    }

    /// The layout of the running executable (`/proc/self/exe` on Linux).
    public static func current() -> InstallationLayout {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
        return InstallationLayout(executablePath: path) { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    /// The first of `ruleDirectories` that holds `name`, else the last one's (named in the
    /// error that follows when it is missing there too).
    public func ruleFile(_ name: String, fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) -> String {
        let candidates = ruleDirectories.map { $0 + "/" + name }
        return candidates.first(where: fileExists) ?? candidates.last ?? name
    }
}
