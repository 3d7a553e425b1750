import Regulation
import Staff
import Store

/// One message a reminder run owes someone today.
struct DueReminder: Equatable {
    enum Kind: String, Equatable {
        /// §7.3: DSHR asks every head for the unit's application (Appendix 1 attached).
        case call
        /// §7.4: a unit that has not applied yet, before 1 June.
        case applications
        /// The day after the §7.4 deadline: DSHR learns which units have not applied.
        case summary
        /// §7.5: DSHR has not sent the Plan yet, before 1 August.
        case plan
        /// §7.7: a confirmed or previewed Plan not yet announced, before its deadline.
        case announcement
    }

    var kind: Kind
    var recipient: RosterPerson?
    /// For DSHR's summaries when DSHR is not on the roster (the configured addresses).
    var address: String
    var cycle: String
    /// The units that have not applied (summary), or the Plan's deadline (announcement).
    var unitsMissing: [String] = []
    var unitsApplied: [String] = []
    var deadline: CivilDate?

    var purpose: String { "remind:\(kind.rawValue):\(cycle):\(address.lowercased())" }
}

/// What is due on a day (pure): the caller gives the roster, the units that have applied, the
/// stored Plans and DSHR's addresses; `ReminderRun` sends. Every date comes from the policy.
struct ReminderPlanner {
    var rules: CycleRules

    func due(today: CivilDate, roster: Roster, appliedUnits: Set<String>, plans: [StoredPlan],
             dshr: [String]) throws(RegulationError) -> [DueReminder] {
        let year = today.year
        let cycle = CyclePolicy.cycleName(startingIn: year)
        let policy = rules.policy.cycle
        var due: [DueReminder] = []
        let heads = roster.heads.sorted { $0.email < $1.email }
        let dshrPeople = dshr.map { address in (roster.person(address: address), address) }
        // Purposes carry the day: the same kind of reminder on another day is another message.
        func dated(_ reminder: DueReminder) -> DueReminder {
            var copy = reminder
            copy.cycle = "\(cycle):\(today.iso)"
            return copy
        }
        let applications = policy.applicationReminders(in: year)
        if rules.schedule.callForApplications.date(in: year) == today {
            // The call names the deadline the policy gives (§7.4: 1 June), in each head's words.
            due += heads.map { dated(DueReminder(kind: .call, recipient: $0, address: $0.email, cycle: cycle,
                                                 deadline: applications.deadline)) }
        }
        if applications.reminders.contains(today) {
            due += heads.filter { !appliedUnits.contains($0.unit) }
                .map { dated(DueReminder(kind: .applications, recipient: $0, address: $0.email, cycle: cycle,
                                         deadline: applications.deadline)) }
        }
        if let deadline = applications.deadline, deadline.adding(days: 1) == today {
            let units = Set(heads.map(\.unit))
            let missing = units.subtracting(appliedUnits).sorted()
            let applied = units.intersection(appliedUnits).sorted()
            due += dshrPeople.map { person, address in
                dated(DueReminder(kind: .summary, recipient: person, address: address, cycle: cycle,
                                  unitsMissing: missing, unitsApplied: applied, deadline: deadline))
            }
        }
        let planDates = policy.planReminders(in: year)
        if planDates.reminders.contains(today), !plans.contains(where: { $0.cycle == cycle }) {
            due += dshrPeople.map { person, address in
                dated(DueReminder(kind: .plan, recipient: person, address: address, cycle: cycle, deadline: planDates.deadline))
            }
        }
        for plan in plans where plan.state != .announced {
            let dates = try policy.announcementReminders(approvedOn: plan.approvalDate, calendar: rules.calendar)
            guard dates.reminders.contains(today) || dates.deadline == today else { continue }
            due += dshrPeople.map { person, address in
                var reminder = DueReminder(kind: .announcement, recipient: person, address: address, cycle: plan.slot,
                                           deadline: dates.deadline)
                reminder.cycle = "\(plan.slot):\(today.iso)"
                return reminder
            }
        }
        return due
    }
}
