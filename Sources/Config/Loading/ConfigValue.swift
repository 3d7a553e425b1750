/// A raw value for one key, before it is checked: from a YAML scalar or sequence, or an
/// environment variable (always `.text`; list keys split it on commas).
enum ConfigValue: Sendable, Equatable {
    case text(String)
    case list([String])
    /// YAML `~`, `null` or nothing after the colon.
    case null
}

/// A raw value together with the key it is for and where it came from.
struct Setting: Sendable, Equatable {
    var key: String
    var value: ConfigValue
    var origin: String
}

/// Why a value was refused; the loader adds the key's name and the origin.
struct ValueError: Error, Sendable, Equatable {
    var problem: String

    init(_ problem: String) {
        self.problem = problem
    }

    /// "expected …, got "…"", with the value quoted and shortened so that a stray paste of a
    /// long text does not flood the terminal.
    static func expected(_ expectation: String, got value: ConfigValue) -> ValueError {
        ValueError("expected \(expectation), got \(value.quoted)")
    }
}

extension ConfigValue {
    var quoted: String {
        switch self {
        case let .text(text):
            let shown = text.count > 60 ? String(text.prefix(60)) + "…" : text
            return String(reflecting: shown)
        case let .list(items):
            return "a list of \(items.count)"
        case .null:
            return "nothing"
        }
    }
}
