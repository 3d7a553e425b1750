public import Foundation

/// Where `policy.yml` and `holidays-kz.yml` are read from (`rules.policy_file`,
/// `rules.holidays_file`, else the installation's copies), and reading them: once, at start,
/// with the configuration file's size cap and error style (the file, the key, what to do).
public struct RuleFiles: Sendable, Equatable {
    /// The policy file's name in a configuration folder.
    public static let policyName = "policy.yml"
    /// The public-holiday calendar's file name in a configuration folder.
    public static let holidaysName = "holidays-kz.yml"
    /// The `cpdbot.yml` key that names the policy file, as errors cite it.
    public static let policyKey = "rules.policy_file"
    /// The `cpdbot.yml` key that names the holidays file, as errors cite it.
    public static let holidaysKey = "rules.holidays_file"

    /// Where `policy.yml` is read from.
    public var policy: URL
    /// Where `holidays-kz.yml` is read from; unlike the policy, it must exist.
    public var holidays: URL
    /// True when `rules.policy_file` (or `--policy`) named the policy: then a missing file is
    /// an error. The installation's default may be missing: the Regulation's own numbers apply.
    public var policyIsNamed: Bool

    /// The two files at given locations; `policyIsNamed` makes a missing policy an error.
    public init(policy: URL, holidays: URL, policyIsNamed: Bool = false) {
        self.policy = policy
        self.holidays = holidays
        self.policyIsNamed = policyIsNamed
    }

    /// The two files at given paths (as `cpdbot.yml` or the command line writes them).
    public init(policy: String, policyIsNamed: Bool = false, holidays: String) {
        self.init(policy: URL(fileURLWithPath: policy), holidays: URL(fileURLWithPath: holidays), policyIsNamed: policyIsNamed)
    }

    /// Both files in one folder (the project's `config/`).
    public init(directory: URL) {
        self.init(policy: directory.appendingPathComponent(Self.policyName),
                  holidays: directory.appendingPathComponent(Self.holidaysName))
    }

    /// `config/` next to a templates folder: the project's layout.
    public init(nextTo templates: URL) {
        self.init(directory: templates.deletingLastPathComponent().appendingPathComponent("config"))
    }

    /// The two files' text; `policy` is nil when the default policy file is absent.
    public struct Texts: Sendable, Equatable {
        /// `policy.yml`'s text; nil when the default file is absent and the Regulation's own numbers apply.
        public var policy: String?
        /// `holidays-kz.yml`'s text.
        public var holidays: String
    }

    /// Reads both files. Throws `.ruleFile` naming the file and its key.
    public func read() throws(ConfigurationError) -> Texts {
        Texts(policy: try readPolicy(), holidays: try readHolidays())
    }

    /// `policy.yml`'s text; nil when the installation's default is absent (the Regulation's own numbers).
    public func readPolicy() throws(ConfigurationError) -> String? {
        try Self.text(policy.path, key: Self.policyKey, required: policyIsNamed, missing: "no such file; set "
            + "\(Self.policyKey) to the university's policy.yml (or leave it unset for the Regulation's own numbers)")
    }

    /// `holidays-kz.yml`'s text, which is always required.
    public func readHolidays() throws(ConfigurationError) -> String {
        let missing = "no such file; the working-day calendar is needed for the §7.7 deadline: "
            + "copy config/holidays-kz.yml there or set \(Self.holidaysKey)"
        guard let text = try Self.text(holidays.path, key: Self.holidaysKey, required: true, missing: missing) else {
            throw .ruleFile(path: holidays.path, key: Self.holidaysKey, problem: missing)
        }
        return text
    }

    /// The file's text, nil when it is absent and not `required`.
    private static func text(_ path: String, key: String, required: Bool, missing: String) throws(ConfigurationError) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if required { throw .ruleFile(path: path, key: key, problem: missing) }
            return nil
        }
        guard !isDirectory.boolValue else { throw .ruleFile(path: path, key: key, problem: "a folder, not a file; name the YAML file itself") }
        do {
            return try ConfigurationFileText.read(path)
        } catch let .unreadableFile(_, reason) {
            throw .ruleFile(path: path, key: key, problem: reason)
        } catch {
            throw error
        }
    }
}
