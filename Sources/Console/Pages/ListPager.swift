import Foundation

/// One page of a long list on a console page (values in, values out): which rows it shows, and
/// the links to the pages beside it. A list of 10,000 rows made a 2 MB page that took seconds to
/// draw again after every change of the store; a page of `rows` draws in milliseconds. Totals
/// and downloads stay for the whole list.
public struct ListPager: Sendable, Equatable {
    /// Rows on one page of a list.
    public static let rows = 100

    /// The page shown, from 1.
    public var number: Int
    /// The pages the list fills (at least 1).
    public var count: Int
    /// True when the list needs more than one page: only then does the page show the links.
    public var isPaged: Bool
    /// `Rows 101–200 of 5,432`, in the page's language.
    public var summary: String
    /// True when there is a page before this one.
    public var hasPrevious: Bool
    /// True when there is a page after this one.
    public var hasNext: Bool
    /// The link to the page before; empty on the first page.
    public var previousHref: String
    /// The link to the page after; empty on the last page.
    public var nextHref: String
    /// The rows of the whole list this page shows.
    public var range: Range<Int>

    /// `requested` is the `?page=` value as given: a missing, unreadable or too great number shows
    /// the nearest page there is. `href` makes the link to page N (with the page's other query values).
    public init(requested: String?, total: Int, strings: ConsoleStrings, rows: Int = ListPager.rows,
                href: (Int) -> String) {
        count = max(1, (total + rows - 1) / rows)
        number = min(max(1, requested.flatMap { Int($0) } ?? 1), count)
        range = min(total, (number - 1) * rows)..<min(total, number * rows)
        isPaged = count > 1
        hasPrevious = number > 1
        hasNext = number < count
        previousHref = hasPrevious ? href(number - 1) : ""
        nextHref = hasNext ? href(number + 1) : ""
        summary = strings["pager_rows"]
            .replacingOccurrences(of: "{first}", with: strings.number(range.isEmpty ? 0 : range.lowerBound + 1))
            .replacingOccurrences(of: "{last}", with: strings.number(range.upperBound))
            .replacingOccurrences(of: "{total}", with: strings.number(total))
    }

    /// A query string of `values` (kept in the order given; empty values left out), percent-encoded.
    static func query(_ values: [(String, String)]) -> String {
        let kept = values.filter { !$0.1.isEmpty }
        guard !kept.isEmpty else { return "" }
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        return "?" + kept.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }
}
