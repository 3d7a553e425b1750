public import Config
public import Foundation
import Regulation

/// `cpdbot check`: what an administrator runs after installing or editing the configuration.
/// Each check is a small function giving `CheckResult`s, so that a new one (OAuth2 login,
/// SPECIAL-USE folders) is one more function in `all()`.
public struct InstallationCheck {
    /// The configuration checked.
    public var configuration: CPDBotConfiguration
    /// `templates/`, with one folder per language.
    public var templatesDirectory: URL
    /// `policy.yml` and `holidays-kz.yml`.
    public var ruleFiles: RuleFiles
    /// The environment passwords and credentials are read from.
    public var environment: [String: String]
    /// The moment the checks judge by (the calendar's years, certificates' dates).
    public var now: Date
    /// `store.free_space` fails below this fraction of the disk free.
    public var minimumFreeFraction = 0.10
    /// `imap.clock` fails when the server's clock and this machine's differ by more. Two
    /// clocks kept by NTP agree within a second; a minute apart means one of them is not kept
    /// at all – and received times, deadlines and OAuth2 assertions (Entra ID tolerates five
    /// minutes) go wrong long before an hour. A constant, not a key: nobody should raise it.
    public var maximumClockSkewSeconds: TimeInterval = 60
    /// This machine's clock while the clock is compared with the server's (tests shift it).
    public var clockNow: @Sendable () -> Date = { Date() }

    /// A check of this installation; nothing is touched until it runs.
    public init(configuration: CPDBotConfiguration, templatesDirectory: URL, ruleFiles: RuleFiles,
                environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()) {
        self.configuration = configuration
        self.templatesDirectory = templatesDirectory
        self.ruleFiles = ruleFiles
        self.environment = environment
        self.now = now
    }

    /// The checks that need no network, then the servers'.
    public func all() -> [CheckResult] {
        local() + servers()
    }

    /// Files, secrets and the store.
    public func local() -> [CheckResult] {
        rules() + [templates(), certificateAuthority()] + secrets() + store()
    }

    // MARK: Rule files

    /// policy.yml and holidays-kz.yml readable, and the calendar covering this year and the next.
    func rules() -> [CheckResult] {
        let loaded: CycleRules
        do {
            loaded = try CycleRules.load(ruleFiles)
        } catch {
            return [.failed("rules", error.description,
                            fix: "fix the file named, or copy the packaged one (/usr/share/cpdbot/config) to /etc/cpdbot")]
        }
        let policyNote = FileManager.default.fileExists(atPath: ruleFiles.policy.path)
            ? ruleFiles.policy.path : "\(ruleFiles.policy.path) absent: the Regulation's own numbers"
        return [.ok("rules", "\(policyNote); \(ruleFiles.holidays.path)"),
                Self.calendarCoverage(years: Set(loaded.calendar.years.keys), today: today, source: ruleFiles.holidays.path),
                timeZone()]
    }

    /// `bot.time_zone` and its offset now, as the time zone data cpdbot runs with gives it (a
    /// tzdata older than 2024a still has Asia/Almaty at UTC+6).
    func timeZone() -> CheckResult {
        let zone = configuration.bot.timeZone
        let seconds = zone.secondsFromGMT(for: now)
        let offset = String(format: "UTC%@%02d:%02d", seconds < 0 ? "-" : "+", abs(seconds) / 3600, abs(seconds) % 3600 / 60)
        return .ok("bot.time_zone", "\(zone.identifier), \(offset) now")
    }

    /// This year must be in the calendar; next year too from 1 November (the government
    /// publishes the transferred days off in autumn: a missing year is found in November,
    /// not in January when the §7.7 deadline is already wrong).
    static func calendarCoverage(years: Set<Int>, today: CivilDate, source: String) -> CheckResult {
        let name = "rules.calendar"
        let fix = "add the public holidays and transferred days off of the missing year to \(source) "
            + "(or to /etc/cpdbot/holidays-kz.yml), from the government's decree"
        guard years.contains(today.year) else {
            return .failed(name, "no year \(today.year) in the holiday calendar", fix: fix)
        }
        if years.contains(today.year + 1) {
            return .ok(name, "covers \(today.year) and \(today.year + 1)")
        }
        if today.month >= 11 {
            return .failed(name, "covers \(today.year) but not \(today.year + 1), which begins in \(today.days(to: CivilDate(year: today.year + 1, month: 1, day: 1)!)) day(s)", fix: fix)
        }
        return .warning(name, "covers \(today.year) but not yet \(today.year + 1)", fix: "add \(today.year + 1) before 1 November; " + fix)
    }

    var today: CivilDate {
        // The university's zone (`bot.time_zone`), where its days begin and end.
        CivilDate(now, in: configuration.bot.timeZone)
    }

    // MARK: Templates

    /// Every template in every language, and each language's strings.
    func templates() -> CheckResult {
        let problems = TemplateLibrary(directory: templatesDirectory).problems()
        guard let first = problems.first else {
            return .ok("templates", "\(templatesDirectory.path): kk, ru, en complete")
        }
        return .failed("templates", "\(problems.count) problem(s); the first: \(first.description)",
                       fix: "reinstall the package or restore the folder from the repository's templates/")
    }

    // MARK: TLS

    /// The CA file, when one is configured: a readable PEM certificate.
    func certificateAuthority() -> CheckResult {
        guard let path = configuration.tls.caFile, !path.isEmpty else {
            return .ok("tls.ca_file", "the system trust store (ca-certificates)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failed("tls.ca_file", "cannot read \(path)",
                           fix: "put the mail server's CA certificate (PEM) there, or leave tls.ca_file empty for the system trust store")
        }
        guard String(decoding: data, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") else {
            return .failed("tls.ca_file", "\(path) holds no PEM certificate", fix: "point tls.ca_file at a PEM file")
        }
        return .ok("tls.ca_file", path)
    }

    // MARK: Secrets

    /// Each server's password found where the configuration says, in a file only cpdbot reads.
    func secrets() -> [CheckResult] {
        let resolver = PasswordResolver(environment: environment)
        return [("imap", configuration.imap.password), ("smtp", configuration.smtp.password)].map { section, source in
            let name = "\(section).password"
            do {
                _ = try resolver.resolve(source, section: section)
            } catch {
                return .failed(name, "\(error)",
                               fix: "see README, \"Running it as a service\": LoadCredential= or \(section).password_file")
            }
            if let file = source.file { return .ok(name, "from \(file) (private)") }
            if let credential = resolver.credentialFile(section: section) { return .ok(name, "from the systemd credential \(credential)") }
            return .ok(name, "from the environment variable \(source.environmentVariable)")
        }
    }

    // MARK: Store

    /// The store's folder: ours, private, with room to grow.
    func store() -> [CheckResult] {
        let path = configuration.store.path
        var status = stat()
        guard stat(path, &status) == 0 else {
            let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
            if access(parent, W_OK) == 0 {
                return [.warning("store", "\(path) does not exist yet", fix: "it is made at the first poll; or run cpdbot poll now")]
            }
            return [.failed("store", "\(path) does not exist and \(parent) is not writable",
                            fix: "create it: install -d -m 0700 -o cpdbot -g cpdbot \(path)")]
        }
        var results = [Self.storeOwnership(path: path, owner: status.st_uid, mode: UInt32(status.st_mode), user: geteuid())]
        var volume = statvfs()
        if statvfs(path, &volume) == 0, volume.f_blocks > 0 {
            results.append(Self.freeSpace(path: path, freeBlocks: UInt64(volume.f_bavail), totalBlocks: UInt64(volume.f_blocks),
                                          blockSize: UInt64(volume.f_frsize), minimum: minimumFreeFraction))
        }
        return results
    }

    static func storeOwnership(path: String, owner: UInt32, mode: UInt32, user: UInt32) -> CheckResult {
        let permissions = mode & 0o7777
        let octal = String(permissions, radix: 8)
        guard mode & UInt32(S_IFMT) == UInt32(S_IFDIR) else {
            return .failed("store", "\(path) is not a folder", fix: "set store.path to a folder")
        }
        // root (an administrator running the check) reads any store; the service's user must own it.
        // A store of root's is right for a checkout run as root, wrong for the packaged service.
        if user == 0, owner == 0, permissions & 0o077 == 0 {
            return .warning("store", "\(path) belongs to root; cpdbot.service (user cpdbot) cannot write it",
                            fix: "for the service: chown -R cpdbot:cpdbot \(path)")
        }
        guard owner == user || user == 0 else {
            return .failed("store", "\(path) belongs to uid \(owner), cpdbot runs as uid \(user)",
                           fix: "chown -R cpdbot:cpdbot \(path), or run cpdbot as its owner (sudo -u cpdbot cpdbot check)")
        }
        guard permissions & 0o077 == 0 else {
            return .failed("store", "\(path) has mode 0\(octal): others can read personal data", fix: "chmod 0700 \(path)")
        }
        return .ok("store", "\(path), mode 0\(octal), owner uid \(owner)")
    }

    static func freeSpace(path: String, freeBlocks: UInt64, totalBlocks: UInt64, blockSize: UInt64, minimum: Double) -> CheckResult {
        let fraction = Double(freeBlocks) / Double(totalBlocks)
        let free = ByteCountFormatter.string(fromByteCount: Int64(freeBlocks * blockSize), countStyle: .binary)
        let detail = "\(free) free (\(Int((fraction * 100).rounded(.down)))%)"
        guard fraction >= minimum else {
            return .failed("store.free_space", detail + ", under \(Int(minimum * 100))%",
                           fix: "free space on the disk of \(path) or move the store (store.path) to a bigger one")
        }
        return .ok("store.free_space", detail)
    }
}
