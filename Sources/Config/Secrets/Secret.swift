/// A password in memory. It never shows itself: not in `print`, string interpolation,
/// `dump`, `debugPrint` or a logged configuration. Code that must hand it to a server asks
/// for it explicitly with `reveal()`, which is easy to find in a review.
public struct Secret: Sendable, Equatable {
    private let value: String

    /// Wraps `value`; only `reveal()` gives it back.
    public init(_ value: String) {
        self.value = value
    }

    /// The password itself, for the one call that sends it to a server.
    public func reveal() -> String { value }

    /// Whether the secret is empty, without revealing it.
    public var isEmpty: Bool { value.isEmpty }
}

extension Secret: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Always `<redacted>`, so that logs and error messages never carry the value.
    public var description: String { "<redacted>" }
    /// Always `Secret(<redacted>)`, for `debugPrint` and the debugger.
    public var debugDescription: String { "Secret(<redacted>)" }
    /// `dump()` and `Mirror` see no children, so no field leaks through reflection.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
