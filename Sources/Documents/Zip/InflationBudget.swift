/// What the archives of one message may inflate to together (`limits.max_inflated_bytes_per_message`):
/// ten files each just under the per-file cap must not add up to ten times the work. One
/// budget per message, shared by its files, which are read one after another.
public final class InflationBudget: @unchecked Sendable {
    /// The most bytes all files of the message may inflate to.
    public let maximum: Int
    /// The bytes inflated so far.
    public private(set) var used = 0

    /// A budget of `maximum` bytes, none used.
    public init(maximum: Int) {
        self.maximum = maximum
    }

    /// Counts `bytes` more; false once the total is past the maximum.
    func spend(_ bytes: Int) -> Bool {
        used += bytes
        return used <= maximum
    }
}
