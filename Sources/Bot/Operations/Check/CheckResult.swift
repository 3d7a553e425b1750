/// One line of `cpdbot check`: what was checked, what was found and, when it is not right,
/// what the administrator should do.
public struct CheckResult: Sendable, Equatable {
    /// How the check came out.
    public enum Status: String, Sendable {
        /// As it should be.
        case ok
        /// Works, but with less than cpdbot could do (a capability missing, a fallback used).
        case warning
        /// cpdbot will not work (or not for long) until this is fixed.
        case failed
    }

    /// A short, stable name: `configuration`, `store.free_space`, `imap.login`, …
    public var name: String
    /// How it came out.
    public var status: Status
    /// What was found, e.g. "imaps://mail.kazguu.kz:993, TLS verified".
    public var detail: String
    /// What to do, for warnings and failures.
    public var fix: String?

    /// A result; `fix` says what to do when it is not ok.
    public init(_ name: String, _ status: Status, _ detail: String, fix: String? = nil) {
        self.name = name
        self.status = status
        self.detail = detail
        self.fix = fix
    }

    /// A check that passed.
    public static func ok(_ name: String, _ detail: String) -> CheckResult { CheckResult(name, .ok, detail) }
    /// A check that passed with a concern, and what to do about it.
    public static func warning(_ name: String, _ detail: String, fix: String) -> CheckResult {
        CheckResult(name, .warning, detail, fix: fix)
    }
    /// A check that failed, and what to do about it.
    public static func failed(_ name: String, _ detail: String, fix: String) -> CheckResult {
        CheckResult(name, .failed, detail, fix: fix)
    }

    /// `✓ name: detail`, `! name: detail – fix`, `✗ name: detail – fix`, on one line.
    public var line: String {
        let mark = switch status {
        case .ok: "✓"
        case .warning: "!"
        case .failed: "✗"
        }
        let text = "\(mark) \(name): \(detail)" + (fix.map { " – \($0)" } ?? "")
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// For `--json`.
    public var dictionary: [String: Any] {
        var object: [String: Any] = ["name": name, "status": status.rawValue, "detail": detail]
        if let fix { object["fix"] = fix }
        return object
    }

    /// 0 when nothing failed (warnings allowed), 1 when something did.
    public static func exitCode(of results: [CheckResult]) -> Int32 {
        results.contains { $0.status == .failed } ? 1 : 0
    }
}
