/// A horizontal bar chart drawn by the template as SVG (no script, no inline style: the CSP
/// stays strict). Values in, geometry out; the same figures go into a table beside it.
public struct BarChart: Sendable, Equatable {
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Int
        public var valueText: String
        /// CSS class of the bar (`bar-ok`, `bar-late`, `bar-missing`).
        public var kind: String
        public var y: Int
        public var width: Int
        public var labelY: Int
        public var valueX: Int
    }

    public var title: String
    public var bars: [Bar]
    public var height: Int
    /// One sentence with every figure, for screen readers (`<desc>` and `aria-label`).
    public var summary: String

    static let labelWidth = 160, plotWidth = 260, barHeight = 22, gap = 10

    public init(title: String, entries: [(label: String, value: Int, valueText: String, kind: String)]) {
        self.title = title
        let largest = max(entries.map { $0.value }.max() ?? 0, 1)
        bars = entries.enumerated().map { index, entry in
            let y = index * (Self.barHeight + Self.gap)
            let width = entry.value == 0 ? 0 : max(2, entry.value * Self.plotWidth / largest)
            return Bar(label: entry.label, value: entry.value, valueText: entry.valueText, kind: entry.kind, y: y,
                       width: width, labelY: y + 16, valueX: Self.labelWidth + width + 6)
        }
        height = max(1, entries.count) * (Self.barHeight + Self.gap)
        summary = title + ": " + entries.map { "\($0.label) \($0.valueText)" }.joined(separator: "; ")
        svgWidth = Self.labelWidth + Self.plotWidth + 60
    }

    /// Stored, not computed: Mustache reads a value's stored properties only.
    public var svgWidth: Int
}
