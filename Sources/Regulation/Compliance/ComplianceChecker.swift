/// §6.3: who is behind with the training the Regulation requires (pure).
///
/// The period is the N years before the as-of date: a course completed on the same calendar
/// date N years earlier still counts (29 February falls back to 28 February), the as-of date
/// counts, later dates do not.
public struct ComplianceChecker: Sendable {
    /// How §6.3 is read (period, hours, what counts as management training).
    public var policy: TrainingObligationPolicy

    /// A checker with the given policy.
    public init(policy: TrainingObligationPolicy = .init()) {
        self.policy = policy
    }

    /// Everyone on `roster` who does not meet §6.3 on `asOf`, given `history`; records after `asOf` are ignored.
    public func check(roster: StaffRoster, history: [TrainingRecord], asOf: CivilDate) -> [ComplianceFinding] {
        var byPerson: [String: [TrainingRecord]] = [:]
        for record in history where record.completionDate <= asOf {
            byPerson[record.participantEmail, default: []].append(record)
        }
        var findings: [ComplianceFinding] = []
        for person in roster.people.values.sorted(by: { $0.email < $1.email }) {
            let records = byPerson[person.email] ?? []
            if person.category == .pps, let finding = ppsFinding(person.email, records, asOf: asOf) {
                findings.append(finding)
            }
            if person.isLeadership, let finding = leadershipFinding(person.email, records, asOf: asOf) {
                findings.append(finding)
            }
        }
        return findings
    }

    /// §6.3.1: at least `ppsMinimumHours` in the period, added up or in one course per the reading.
    func ppsFinding(_ email: String, _ records: [TrainingRecord], asOf: CivilDate) -> ComplianceFinding? {
        let since = asOf.adding(years: -policy.ppsPeriodYears)
        let hours = records.filter { $0.completionDate >= since }.map(\.hours)
        let counted: Int
        switch policy.ppsReading {
        case .cumulative: counted = hours.reduce(0, +)
        case .singleCourse: counted = hours.max() ?? 0
        }
        guard counted < policy.ppsMinimumHours else { return nil }
        let reading = policy.ppsReading == .cumulative ? "in total" : "in one course"
        return ComplianceFinding(participantEmail: email, kind: .ppsHoursBelowMinimum, since: since,
                                 hoursCounted: counted, hoursRequired: policy.ppsMinimumHours,
                                 section: "§6.3.1: at least \(policy.ppsMinimumHours) hours \(reading) every \(policy.ppsPeriodYears) years")
    }

    /// §6.3.2: a completed course in a leadership group or of a management kind in the period.
    func leadershipFinding(_ email: String, _ records: [TrainingRecord], asOf: CivilDate) -> ComplianceFinding? {
        let since = asOf.adding(years: -policy.leadershipPeriodYears)
        let trained = records.contains { record in
            record.completionDate >= since
                && (record.group.map(policy.leadershipGroups.contains) == true
                    || record.kind.map(policy.leadershipKinds.contains) == true)
        }
        guard !trained else { return nil }
        return ComplianceFinding(participantEmail: email, kind: .leadershipWithoutManagementTraining, since: since,
                                 hoursCounted: nil, hoursRequired: nil,
                                 section: "§6.3.2: management training every \(policy.leadershipPeriodYears) years")
    }
}
