/// The Regulation's numbers, from `config/policy.yml`. Every field has the Regulation's value
/// as its default, so an empty file gives the Regulation as written (with REGULATION.md's readings).
public struct Policy: Sendable, Equatable {
    /// The cycle's dates and reminders (§7).
    public var cycle = CyclePolicy()
    /// How much training staff must have had (§6.3).
    public var training = TrainingObligationPolicy()
    /// Minimum hours per place and term (§6.5).
    public var durations = DurationPolicy()
    /// Work-off bands and rounding (§8).
    public var workOff = WorkOffPolicy()
    /// Certificate numbering.
    public var certificates = CertificatePolicy()

    /// The Regulation as written, with REGULATION.md's readings.
    public init() {}
}

/// §7.3–§7.7: the yearly dates and the reminders before them.
public struct CyclePolicy: Sendable, Equatable {
    /// §7.3: the day DSHR calls for applications. The Regulation fixes no date, so it is the
    /// university's setting; it must come before the application deadline.
    public var callForApplications = MonthDay(month: 4, day: 15)!
    /// §7.4: units send applications by this day.
    public var applicationDeadline = MonthDay(month: 6, day: 1)!
    /// §7.5: DSHR consolidates and forms the Plan by this day.
    public var planDeadline = MonthDay(month: 8, day: 1)!
    /// §7.7: working days after approval to announce the Plan.
    public var announcementWorkingDays = 5
    /// Calendar days before the application deadline when heads are reminded.
    public var applicationRemindersDaysBefore = [14, 7, 1]
    /// Calendar days before the Plan deadline when DSHR is reminded.
    public var planRemindersDaysBefore = [7, 1]
    /// Working days before the §7.7 deadline when DSHR is reminded, if the Plan is not announced.
    public var announcementRemindersWorkingDaysBefore = [2]

    /// The Regulation's values.
    public init() {}
}

/// §6.3: how much training staff must have had.
public struct TrainingObligationPolicy: Sendable, Equatable {
    /// The two readings of §6.3.1's "at least 72 hours".
    public enum Reading: String, Sendable, CaseIterable {
        /// The hours completed in the period add up to the minimum (REGULATION.md's reading).
        case cumulative
        /// One course of at least the minimum hours in the period (the alternative reading).
        case singleCourse = "single_course"
    }

    /// §6.3.1: at least 72 hours…
    public var ppsMinimumHours = 72
    /// …at least once every five years.
    public var ppsPeriodYears = 5
    /// Which reading of §6.3.1 applies.
    public var ppsReading = Reading.cumulative
    /// §6.3.2: leadership's management training, once every five years.
    public var leadershipPeriodYears = 5
    /// A completed course in one of these groups, or of one of these kinds, counts as management training.
    public var leadershipGroups: Set<CompetencyGroup> = [.leadership]
    /// Course kinds that count as management training (§6.3.2).
    public var leadershipKinds: Set<CourseKind> = [.management]

    /// The Regulation's values.
    public init() {}
}

/// §6.5: minimum academic hours per place and term, and the longest course abroad.
public struct DurationPolicy: Sendable, Equatable {
    /// §6.5: a short course in Kazakhstan, at least this many hours.
    public var domesticShortMinimumHours = 8
    /// §6.5: a medium course in Kazakhstan.
    public var domesticMediumMinimumHours = 36
    /// §6.5: a long course in Kazakhstan.
    public var domesticLongMinimumHours = 108
    /// §6.5: a short course abroad.
    public var abroadShortMinimumHours = 36
    /// A long course abroad lasts "up to 1 year": its end date is at most this many years after its start.
    public var abroadLongMaximumYears = 1

    /// The Regulation's values.
    public init() {}
}

/// §8: how long an employee works off a paid course, and how a refund is rounded.
public struct WorkOffPolicy: Sendable, Equatable {
    /// A band applies from `fromCost` (inclusive) up to the next band's `fromCost`.
    public struct Band: Sendable, Equatable {
        /// The lowest cost in tenge the band applies to.
        public var fromCost: Int
        /// The months to work off.
        public var months: Int
        /// A band from `fromCost` tenge: `months` to work off.
        public init(fromCost: Int, months: Int) {
            self.fromCost = fromCost
            self.months = months
        }
    }

    /// How a pro-rata reimbursement is rounded to tenge.
    public enum Rounding: String, Sendable, CaseIterable {
        /// To whole tenge, .5 up (REGULATION.md's reading).
        case halfUp = "half_up"
        case halfEven = "half_even"
        /// Always down, in the employee's favour.
        case down
    }

    /// REGULATION.md's reading of the §8 table (gaps and overlaps resolved):
    /// below 60 000 → 3; [60 000, 100 000) → 6; [100 000, 400 000) → 12; [400 000, 800 000] → 18; above → 24.
    /// A cost below the first band (0) means no obligation.
    public var bands = [
        Band(fromCost: 1, months: 3), Band(fromCost: 60_000, months: 6), Band(fromCost: 100_000, months: 12),
        Band(fromCost: 400_000, months: 18), Band(fromCost: 800_001, months: 24),
    ]
    /// How reimbursements are rounded.
    public var rounding = Rounding.halfUp

    /// The Regulation's bands (§8.1) and rounding.
    public init() {}

    /// The period for a cost, or nil when no band covers it (a free course).
    public func months(forCost cost: Int) -> Int? {
        bands.last(where: { cost >= $0.fromCost })?.months
    }
}

/// §7.16: certificate numbers.
public struct CertificatePolicy: Sendable, Equatable {
    /// Placeholders: `{year}` (of the completion date), `{course}` (course id), `{seq}` or `{seq:N}`
    /// (the running number, zero-padded to N digits). `{seq}` is required: it makes numbers unique.
    public var numberFormat = "CPD-{year}-{seq:5}"

    /// The default number format.
    public init() {}
}
