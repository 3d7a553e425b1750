import Bot
import Foundation
import Staff
import Regulation
import Store

/// The §6.3 page (values in, values out): per unit, how many people are under the hours in five
/// years and how many leaders lack a management course, as a chart and a table, then everyone
/// behind. `unit` narrows it to one unit (a head always sees only theirs).
public struct CompliancePage: Sendable {
    public struct UnitLine: Sendable, Equatable {
        public var unit: String
        public var unitID: String
        public var hoursBelow: Int
        public var withoutManagement: Int
    }
    public struct Person: Sendable, Equatable {
        public var fullName: String
        public var email: String
        public var unit: String
        public var kind: String
        public var since: String
        public var hours: String
        public var section: String
    }

    public var asOf: String
    public var units: [UnitLine]
    public var chart: BarChart
    public var people: [Person]
    public var hasPeople: Bool
    public var unitName: String
    public var isOneUnit: Bool
    /// `/compliance.csv`, with `?unit=` when narrowed.
    public var csvHref: String

    /// Findings of people outside `visibleUnits` are left out (a head's page, a narrowed page).
    public init(findings: [ComplianceFinding], roster: Roster, visibleUnits: [String], unit: String?, asOf: CivilDate,
                strings: ConsoleStrings) {
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
        people = behind.map { finding, person in
            Person(fullName: person?.fullName ?? finding.participantEmail, email: finding.participantEmail, unit: person?.unit ?? "",
                   kind: strings["compliance_kind_\(finding.kind.rawValue)"], since: strings.date(finding.since),
                   hours: finding.hoursCounted.map { "\($0) / \(finding.hoursRequired ?? 0)" } ?? "",
                   // Only "§6.3.1": the rest of the policy's text is English whatever the page's language.
                   section: finding.section.split(separator: ":").first.map(String.init) ?? finding.section)
        }.sorted { ($0.unit, $0.fullName, $0.kind) < ($1.unit, $1.fullName, $1.kind) }
        hasPeople = !people.isEmpty
        unitName = unit ?? ""
        isOneUnit = unit != nil
        csvHref = "/compliance.csv" + (unit.map { "?unit=" + UnitID.of($0) } ?? "")
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
