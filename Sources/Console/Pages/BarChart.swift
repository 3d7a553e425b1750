/// A horizontal bar chart drawn by the template as SVG (no script, no inline style: the CSP
/// stays strict). Values in, geometry out; the same figures go into a table beside it.
public struct BarChart: Sendable, Equatable {
    /// One bar with its label, in SVG user units.
    public struct Bar: Sendable, Equatable {
        /// The label left of the bar.
        public var label: String
        /// The figure the bar stands for.
        public var value: Int
        /// The figure as written beside the bar.
        public var valueText: String
        /// CSS class of the bar (`bar-ok`, `bar-late`, `bar-missing`).
        public var kind: String
        /// The bar's top.
        public var y: Int
        /// The bar's length; 0 for 0, at least 2 otherwise so that small figures show.
        public var width: Int
        /// The label's baseline.
        public var labelY: Int
        /// Where the figure starts, right of the bar.
        public var valueX: Int
    }

    /// The chart's title (`<title>`).
    public var title: String
    /// The bars, top to bottom.
    public var bars: [Bar]
    /// The SVG's height.
    public var height: Int
    /// One sentence with every figure, for screen readers (`<desc>` and `aria-label`).
    public var summary: String

    static let labelWidth = 160, plotWidth = 260, barHeight = 22, gap = 10

    /// A chart of `entries`, bars scaled to the largest value.
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
