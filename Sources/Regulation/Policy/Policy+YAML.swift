import YAMLFiles

extension Policy {
    /// Reads `config/policy.yml` (the caller reads the file). Absent keys keep their defaults;
    /// unknown keys and bad values are errors that name the key.
    public init(yaml text: String, source: String = "config/policy.yml") throws(RegulationError) {
        self.init()
        let root = try ConfigNode.parse(text, file: source)
        for (key, node) in try root.mapping(allowed: ["cycle", "training", "durations", "work_off", "certificates"])
        where !node.isNull {
            switch key {
            case "cycle": try cycle.read(node)
            case "training": try training.read(node)
            case "durations": try durations.read(node)
            case "work_off": try workOff.read(node)
            default: try certificates.read(node)
            }
        }
    }
}

extension CyclePolicy {
    mutating func read(_ node: ConfigNode) throws(RegulationError) {
        for (key, value) in try node.mapping(allowed: [
            "call_for_applications", "application_deadline", "plan_deadline", "announcement_working_days", "application_reminders_days_before",
            "plan_reminders_days_before", "announcement_reminders_working_days_before",
        ]) where !value.isNull {
            switch key {
            case "call_for_applications": callForApplications = try value.monthDay()
            case "application_deadline": applicationDeadline = try value.monthDay()
            case "plan_deadline": planDeadline = try value.monthDay()
            case "announcement_working_days": announcementWorkingDays = try value.int(in: 1...60)
            case "application_reminders_days_before": applicationRemindersDaysBefore = try value.offsets()
            case "plan_reminders_days_before": planRemindersDaysBefore = try value.offsets()
            default: announcementRemindersWorkingDaysBefore = try value.offsets()
            }
        }
        // A call on or after the deadline would ask for applications that are already late.
        guard callForApplications < applicationDeadline else {
            throw (node.child("call_for_applications") ?? node.child("application_deadline") ?? node)
                .fail("the call for applications (\(callForApplications)) must come before the application deadline (\(applicationDeadline))")
        }
    }
}

extension TrainingObligationPolicy {
    mutating func read(_ node: ConfigNode) throws(RegulationError) {
        for (key, value) in try node.mapping(allowed: [
            "pps_minimum_hours", "pps_period_years", "pps_reading", "leadership_period_years",
            "leadership_groups", "leadership_kinds",
        ]) where !value.isNull {
            switch key {
            case "pps_minimum_hours": ppsMinimumHours = try value.int(in: 1...10_000)
            case "pps_period_years": ppsPeriodYears = try value.int(in: 1...50)
            case "pps_reading": ppsReading = try value.oneOf(Reading.self)
            case "leadership_period_years": leadershipPeriodYears = try value.int(in: 1...50)
            case "leadership_groups":
                leadershipGroups = Set(try value.sequence().map { n throws(RegulationError) in try n.oneOf(CompetencyGroup.self) })
            default:
                leadershipKinds = Set(try value.sequence().map { n throws(RegulationError) in try n.oneOf(CourseKind.self) })
            }
        }
        guard !leadershipGroups.isEmpty || !leadershipKinds.isEmpty else {
            throw node.fail("`leadership_groups` and `leadership_kinds` cannot both be empty: no course would count")
        }
    }
}

extension DurationPolicy {
    mutating func read(_ node: ConfigNode) throws(RegulationError) {
        for (key, value) in try node.mapping(allowed: [
            "domestic_short_minimum_hours", "domestic_medium_minimum_hours", "domestic_long_minimum_hours",
            "abroad_short_minimum_hours", "abroad_long_maximum_years",
        ]) where !value.isNull {
            switch key {
            case "domestic_short_minimum_hours": domesticShortMinimumHours = try value.int(in: 0...10_000)
            case "domestic_medium_minimum_hours": domesticMediumMinimumHours = try value.int(in: 0...10_000)
            case "domestic_long_minimum_hours": domesticLongMinimumHours = try value.int(in: 0...10_000)
            case "abroad_short_minimum_hours": abroadShortMinimumHours = try value.int(in: 0...10_000)
            default: abroadLongMaximumYears = try value.int(in: 1...10)
            }
        }
    }
}

extension WorkOffPolicy {
    mutating func read(_ node: ConfigNode) throws(RegulationError) {
        for (key, value) in try node.mapping(allowed: ["bands", "rounding"]) where !value.isNull {
            if key == "rounding" {
                rounding = try value.oneOf(Rounding.self)
                continue
            }
            var read: [Band] = []
            for item in try value.sequence() {
                _ = try item.mapping(allowed: ["from_cost", "months"])
                guard let from = item.child("from_cost"), let months = item.child("months") else {
                    throw item.fail("each band needs `from_cost` (KZT, inclusive) and `months`")
                }
                let band = Band(fromCost: try from.int(in: 1...1_000_000_000_000), months: try months.int(in: 1...240))
                if let previous = read.last, band.fromCost <= previous.fromCost {
                    throw from.fail("bands must go up: \(band.fromCost) is not above \(previous.fromCost)")
                }
                read.append(band)
            }
            guard !read.isEmpty else { throw value.fail("list at least one band") }
            bands = read
        }
    }
}

extension CertificatePolicy {
    mutating func read(_ node: ConfigNode) throws(RegulationError) {
        for (_, value) in try node.mapping(allowed: ["number_format"]) where !value.isNull {
            let format = try value.string()
            do {
                _ = try CertificateNumberFormat(format)
            } catch {
                throw value.fail(error.description)
            }
            numberFormat = format
        }
    }
}

extension ConfigNode {
    /// A list of day offsets (each 0…366), e.g. reminder days.
    func offsets() throws(RegulationError) -> [Int] {
        try sequence().map { n throws(RegulationError) in try n.int(in: 0...366) }
    }
}
