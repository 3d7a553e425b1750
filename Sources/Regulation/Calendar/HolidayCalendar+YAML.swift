import Yams
import YAMLFiles

extension HolidayCalendar {
    /// Reads `config/holidays-kz.yml` (the caller reads the file; this module does no I/O).
    /// `source` names the file in every error.
    public init(yaml text: String, source: String = "config/holidays-kz.yml") throws(RegulationError) {
        let root = try ConfigNode.parse(text, file: source)
        _ = try root.mapping(allowed: ["holidays", "kurban_ait_name", "years"])

        var holidays: [FixedHoliday] = []
        for item in try root.child("holidays")?.sequence() ?? [] {
            _ = try item.mapping(allowed: ["name", "date", "moved", "from", "until"])
            guard let name = item.child("name"), let date = item.child("date") else {
                throw item.fail("each holiday needs `name` and `date` (MM-DD)")
            }
            let moved = try item.child("moved").map { node throws(RegulationError) -> Bool in
                switch try node.string() {
                case "true", "yes": return true
                case "false", "no": return false
                case let other: throw node.fail("expected true or false, found '\(other)'")
                }
            } ?? true
            holidays.append(FixedHoliday(name: try name.string(), date: try date.monthDay(), movesOffWeekend: moved,
                                         firstYear: try item.child("from")?.int(in: 1900...2999),
                                         lastYear: try item.child("until")?.int(in: 1900...2999)))
        }
        guard !holidays.isEmpty else { throw root.fail("`holidays:` lists no holiday") }

        var years: [HolidayYear] = []
        if let yearsNode = root.child("years") {
            guard case .mapping = yearsNode.node else { throw yearsNode.fail("expected one entry per year") }
            // Keys are years, so they cannot be listed in advance: check each one instead.
            let keys = try HolidayCalendar.yearKeys(yearsNode)
            for (year, node) in keys { years.append(try HolidayCalendar.year(year, from: node)) }
        }
        guard !years.isEmpty else { throw root.fail("`years:` lists no year") }
        self.init(holidays: holidays, years: years,
                  kurbanAitName: try root.child("kurban_ait_name")?.string() ?? "Kurban Ait, day 1",
                  source: source)
    }

    private static func yearKeys(_ node: ConfigNode) throws(RegulationError) -> [(Int, ConfigNode)] {
        guard case let .mapping(mapping) = node.node else { return [] }
        var result: [(Int, ConfigNode)] = []
        for (keyNode, valueNode) in mapping {
            let key = keyNode.scalar?.string ?? ""
            let child = ConfigNode(node: valueNode, file: node.file, path: "\(node.path).\(key)")
            guard let year = Int.asciiDigits(key), (1900...2999).contains(year) else {
                throw child.fail("the keys under `years:` are years such as 2026")
            }
            guard !result.contains(where: { $0.0 == year }) else { throw child.fail("\(year) is listed twice") }
            result.append((year, child))
        }
        return result
    }

    private static func year(_ year: Int, from node: ConfigNode) throws(RegulationError) -> HolidayYear {
        _ = try node.mapping(allowed: ["kurban_ait", "kurban_ait_possible", "days_off", "working_days"])
        func inYear(_ date: CivilDate, _ at: ConfigNode) throws(RegulationError) -> CivilDate {
            guard date.year == year else { throw at.fail("\(date.iso) is not in \(year)") }
            return date
        }
        let kurbanAit = try node.child("kurban_ait").map { n throws(RegulationError) in try inYear(try n.date(), n) }
        var possible: ClosedRange<CivilDate>?
        if let window = node.child("kurban_ait_possible") {
            _ = try window.mapping(allowed: ["from", "to"])
            guard let from = window.child("from"), let to = window.child("to") else {
                throw window.fail("give `from` and `to` dates")
            }
            let lower = try inYear(try from.date(), from), upper = try inYear(try to.date(), to)
            guard lower <= upper else { throw window.fail("`from` is after `to`") }
            possible = lower...upper
        }
        guard kurbanAit != nil || possible != nil else {
            throw node.fail("give `kurban_ait` (the first day) or, until it is announced, `kurban_ait_possible`")
        }
        func transfers(_ key: String, weekend: Bool) throws(RegulationError) -> [TransferredDay] {
            var days: [TransferredDay] = []
            for item in try node.child(key)?.sequence() ?? [] {
                _ = try item.mapping(allowed: ["date", "note"])
                guard let dateNode = item.child("date") else { throw item.fail("each entry needs a `date`") }
                let date = try inYear(try dateNode.date(), dateNode)
                guard date.weekday.isWeekend == weekend else {
                    throw dateNode.fail(weekend ? "\(date.iso) is not a Saturday or Sunday"
                                                : "\(date.iso) is a \(date.weekday.rawValue), already a day off")
                }
                let note = try item.child("note")?.string()
                    ?? (weekend ? "transferred working day" : "transferred day off")
                days.append(TransferredDay(date: date, note: note))
            }
            return days
        }
        return HolidayYear(year: year, kurbanAit: kurbanAit, kurbanAitPossible: possible,
                           transferredDaysOff: try transfers("days_off", weekend: false),
                           transferredWorkingDays: try transfers("working_days", weekend: true))
    }
}
