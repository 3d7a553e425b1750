import Regulation
import Staff
import Store

/// Template values of `compliance_report`: the counts per §6.3 obligation and the people behind,
/// with their names and units from the roster.
enum ComplianceContexts {
    static func values(findings: [ComplianceFinding], roster: Roster, asOf: CivilDate,
                       policy: TrainingObligationPolicy, listed: Int) -> [String: Any] {
        func people(_ kind: ComplianceFinding.Kind) -> [ComplianceFinding] { findings.filter { $0.kind == kind } }
        let hours = people(.ppsHoursBelowMinimum)
        let leadership = people(.leadershipWithoutManagementTraining)
        var room = max(0, listed)
        func list(_ found: [ComplianceFinding]) -> [[String: Any]] {
            let shown = found.prefix(room)
            room -= shown.count
            return shown.map { finding in
                let person = roster.person(address: finding.participantEmail)
                return ["email": finding.participantEmail, "full_name": person?.fullName ?? finding.participantEmail,
                        "unit": person?.unit ?? "", "has_unit": !(person?.unit ?? "").isEmpty,
                        "since": finding.since, "hours_counted": finding.hoursCounted ?? 0]
            }
        }
        let hoursListed = list(hours)
        let leadershipListed = list(leadership)
        return [
            "as_of": asOf, "month": String(asOf.iso.prefix(7)), "total": findings.count,
            "nothing_found": findings.isEmpty,
            "minimum_hours": policy.ppsMinimumHours, "pps_years": policy.ppsPeriodYears,
            "leadership_years": policy.leadershipPeriodYears, "is_single_course": policy.ppsReading == .singleCourse,
            "has_hours": !hours.isEmpty, "hours_count": hours.count, "hours_people": hoursListed,
            "hours_more": hours.count - hoursListed.count, "has_hours_more": hours.count > hoursListed.count,
            "has_leadership": !leadership.isEmpty, "leadership_count": leadership.count,
            "leadership_people": leadershipListed, "leadership_more": leadership.count - leadershipListed.count,
            "has_leadership_more": leadership.count > leadershipListed.count,
        ]
    }
}
