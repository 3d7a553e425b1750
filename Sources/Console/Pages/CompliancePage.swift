import Bot
import Foundation
public import Staff
public import Regulation
import Store

/// The §6.3 page (values in, values out): per unit, how many people are under the hours in five
/// years and how many leaders lack a management course, as a chart and a table, then everyone
/// behind. `unit` narrows it to one unit (a head always sees only theirs).
public struct CompliancePage: Sendable {
    /// One unit's row in the table (units with no one behind show zeros).
    public struct UnitLine: Sendable, Equatable {
        /// The unit's name as the roster writes it.
        public var unit: String
        /// The unit in URLs (`UnitID`): a hash, so the name never reaches a path.
        public var unitID: String
        /// People under the required hours in the period (§6.3).
        public var hoursBelow: Int
        /// Leaders without the required management course.
        public var withoutManagement: Int
    }
    /// One finding about one person; a person may have a line per rule missed.
    public struct Person: Sendable, Equatable {
        /// The roster's name; the address when the person is not on the roster.
        public var fullName: String
        /// The person's address.
        public var email: String
        /// The person's unit; empty when not on the roster.
        public var unit: String
        /// Which rule is not met, in the page's language.
        public var kind: String
        /// The first day of the period looked at, formatted.
        public var since: String
        /// `counted / required` hours; empty for a finding that is not about hours.
        public var hours: String
        /// The policy's section alone (`§6.3.1`), since its text is English whatever the page's language.
        public var section: String
    }

    /// The date the findings hold on, formatted.
    public var asOf: String
    /// Every shown unit, by name.
    public var units: [UnitLine]
    /// The 20 units with the most people behind, most first: where to look.
    public var chart: BarChart
    /// Everyone behind on this page (`?page=`), by unit, name and rule.
    public var people: [Person]
    /// True when anyone is behind (on any page).
    public var hasPeople: Bool
    /// The page of `people` shown; the counts above are for everyone.
    public var pager: ListPager
    /// The unit the page is narrowed to; empty when not narrowed.
    public var unitName: String
    /// True when the page was narrowed to one unit (`unit` given).
    public var isOneUnit: Bool
    /// `/compliance.csv`, with `?unit=` when narrowed.
    public var csvHref: String
    /// `/compliance.xlsx`, with `?unit=` when narrowed.
    public var xlsxHref: String

    /// Findings of people outside `visibleUnits` are left out (a head's page, a narrowed page).
    /// `page` is `?page=` as given: the page of `ListPager.rows` people shown.
    public init(findings: [ComplianceFinding], roster: Roster, visibleUnits: [String], unit: String?, asOf: CivilDate,
                strings: ConsoleStrings, page: String? = nil) {
        self.asOf = strings.date(asOf)
        let shown = Set(unit.map { [$0] } ?? visibleUnits)
        let behind = Self.findings(findings, roster: roster, units: shown)
        var counts: [String: (Int, Int)] = [:]
        for (finding, person) in behind {
            let key = person?.unit ?? ""
            var count = counts[key] ?? (0, 0)
            if finding.kind == .ppsHoursBelowMinimum { count.0 += 1 } else { count.1 += 1 }
            counts[key] = count
        }
        units = shown.sorted().map { name in
            UnitLine(unit: name, unitID: UnitID.of(name), hoursBelow: counts[name]?.0 ?? 0, withoutManagement: counts[name]?.1 ?? 0)
        }
        // The units with someone behind, most first: the chart is for where to look.
        let ranked = units.filter { $0.hoursBelow + $0.withoutManagement > 0 }
            .sorted { ($0.hoursBelow + $0.withoutManagement, $1.unit) > ($1.hoursBelow + $1.withoutManagement, $0.unit) }
        chart = BarChart(title: strings["compliance_chart_title"], entries: ranked.prefix(20).map {
            ($0.unit, $0.hoursBelow + $0.withoutManagement, strings.number($0.hoursBelow + $0.withoutManagement), "bar-late")
        })
        let everyone = behind.map { finding, person in
            Person(fullName: person?.fullName ?? finding.participantEmail, email: finding.participantEmail, unit: person?.unit ?? "",
                   kind: strings["compliance_kind_\(finding.kind.rawValue)"], since: strings.date(finding.since),
                   hours: finding.hoursCounted.map { "\($0) / \(finding.hoursRequired ?? 0)" } ?? "",
                   // Only "§6.3.1": the rest of the policy's text is English whatever the page's language.
                   section: finding.section.split(separator: ":").first.map(String.init) ?? finding.section)
        }.sorted { ($0.unit, $0.fullName, $0.kind) < ($1.unit, $1.fullName, $1.kind) }
        pager = ListPager(requested: page, total: everyone.count, strings: strings) { number in
            "/compliance" + ListPager.query([("unit", unit.map(UnitID.of) ?? ""), ("page", String(number))]) + "#behind"
        }
        people = Array(everyone[pager.range])
        hasPeople = !everyone.isEmpty
        unitName = unit ?? ""
        isOneUnit = unit != nil
        csvHref = "/compliance.csv" + (unit.map { "?unit=" + UnitID.of($0) } ?? "")
        xlsxHref = "/compliance.xlsx" + (unit.map { "?unit=" + UnitID.of($0) } ?? "")
    }

    /// The findings of people in `units`, with their roster entry.
    static func findings(_ findings: [ComplianceFinding], roster: Roster, units: Set<String>)
        -> [(ComplianceFinding, RosterPerson?)] {
        findings.compactMap { finding in
            let person = roster.person(address: finding.participantEmail)
            guard units.contains(person?.unit ?? "") else { return nil }
            return (finding, person)
        }
    }
}
