/// The yearly dates of the cycle (§7.4, §7.5, §7.7) and the reminders before them, for
/// `cpdbot remind` and the service. Pure: the caller decides what "today" is.
extension CyclePolicy {
    /// The academic year a Plan or an application is for: applications due by 1 June 2027 are
    /// for `2027-2028` (DESIGN.md "Application records").
    public static func cycleName(startingIn year: Int) -> String { "\(year)-\(year + 1)" }

    /// §7.4: the application deadline in `year`, and the days heads are reminded (earliest first).
    public func applicationReminders(in year: Int) -> (deadline: CivilDate?, reminders: [CivilDate]) {
        let deadline = applicationDeadline.date(in: year)
        return (deadline, Self.daysBefore(deadline, applicationRemindersDaysBefore))
    }

    /// §7.5: the Plan deadline in `year`, and the days DSHR is reminded (earliest first).
    public func planReminders(in year: Int) -> (deadline: CivilDate?, reminders: [CivilDate]) {
        let deadline = planDeadline.date(in: year)
        return (deadline, Self.daysBefore(deadline, planRemindersDaysBefore))
    }

    /// §7.7: the announcement deadline after `approval`, and the working days DSHR is reminded
    /// if the Plan is not announced yet (earliest first; none on or before the approval day).
    public func announcementReminders(approvedOn approval: CivilDate, calendar: HolidayCalendar)
        throws(RegulationError) -> (deadline: CivilDate, reminders: [CivilDate]) {
        let deadline = try calendar.deadline(approvedOn: approval, workingDays: announcementWorkingDays).deadline
        var reminders: [CivilDate] = []
        for offset in Set(announcementRemindersWorkingDaysBefore) where offset < announcementWorkingDays {
            // The (N − offset)-th working day after approval is `offset` working days before the deadline.
            if offset == 0 {
                reminders.append(deadline)
            } else {
                reminders.append(try calendar.deadline(approvedOn: approval,
                                                       workingDays: announcementWorkingDays - offset).deadline)
            }
        }
        return (deadline, reminders.sorted())
    }

    private static func daysBefore(_ deadline: CivilDate?, _ offsets: [Int]) -> [CivilDate] {
        guard let deadline else { return [] }
        return Set(offsets).map { deadline.adding(days: -$0) }.sorted()
    }
}
