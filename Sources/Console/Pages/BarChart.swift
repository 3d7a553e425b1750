import Foundation

/// A horizontal bar chart drawn by the template as SVG (no script, no inline style: the CSP
/// stays strict). Values in, geometry out; the same figures go into a table beside it.
public struct BarChart: Sendable, Equatable {
    /// One bar with its label, in SVG user units.
    public struct Bar: Sendable, Equatable {
        /// The label left of the bar, whole (the bar's `<title>`: a tooltip and what a screen reader says).
        public var label: String
        /// The label as drawn: wrapped into at most two lines that fit left of the bar, the
        /// second shortened with "…" when the name is longer still (`BarChart.wrap`).
        public var labelLines: [LabelLine]
        /// True when `labelLines` leave part of the label out.
        public var isShortened: Bool
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

    /// One drawn line of a bar's label.
    public struct LabelLine: Sendable, Equatable {
        /// The line's text.
        public var text: String
        /// Its baseline.
        public var y: Int
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
            let lines = Self.wrap(entry.label)
            // One line sits level with the figure; two share the row's height.
            let baselines = lines.count == 1 ? [y + 16] : [y + 10, y + 25]
            return Bar(label: entry.label,
                       labelLines: zip(lines, baselines).map { LabelLine(text: $0, y: $1) },
                       isShortened: lines.last?.hasSuffix("…") == true && !Self.collapsed(entry.label).hasSuffix("…"),
                       value: entry.value, valueText: entry.valueText, kind: entry.kind, y: y,
                       width: width, labelY: y + 16, valueX: Self.labelWidth + width + 6)
        }
        height = max(1, entries.count) * (Self.barHeight + Self.gap)
        summary = title + ": " + entries.map { "\($0.label) \($0.valueText)" }.joined(separator: "; ")
        svgWidth = Self.labelWidth + Self.plotWidth + 60
    }

    /// Stored, not computed: Mustache reads a value's stored properties only.
    public var svgWidth: Int

    /// Characters of a 13 px label that fit in `labelWidth` (Cyrillic capitals are the widest).
    static let lineCharacters = 19

    /// `label` in at most two lines of `lineCharacters`, broken between words (a word longer
    /// than a line is cut); what does not fit ends the second line with "…". Pure.
    static func wrap(_ label: String, width: Int = lineCharacters) -> [String] {
        var lines: [String] = []
        var current = ""
        var rest = collapsed(label).split(separator: " ").map(String.init)[...]
        while let word = rest.first {
            let candidate = current.isEmpty ? word : current + " " + word
            if candidate.count <= width {
                current = candidate
                rest = rest.dropFirst()
            } else if current.isEmpty {
                // A single word wider than the line: cut it; the remainder goes on.
                current = String(word.prefix(width))
                rest[rest.startIndex] = String(word.dropFirst(width))
            } else {
                lines.append(current)
                current = ""
                if lines.count == 2 { break }
            }
            if lines.count == 2 { break }
        }
        if !current.isEmpty, lines.count < 2 { lines.append(current) }
        let shown = lines.joined(separator: " ").count
        if shown < collapsed(label).count, let last = lines.popLast() {
            lines.append(String(last.prefix(width - 1)).trimmingCharacters(in: .whitespaces) + "…")
        }
        return lines.isEmpty ? [""] : lines
    }

    /// Runs of white space as one space, none at the ends.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
