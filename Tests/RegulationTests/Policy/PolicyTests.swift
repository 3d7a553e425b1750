import Testing
@testable import Regulation

@Suite struct PolicyTests {
    @Test func theCommittedFileIsTheRegulationAsWritten() throws {
        #expect(try Fixtures.policy() == Policy())
    }

    @Test(arguments: ["", "# nothing\n", "cycle:\n", "work_off: ~\n"])
    func emptyFilesGiveTheDefaults(_ text: String) throws {
        #expect(try Policy(yaml: text) == Policy())
    }

    @Test func valuesAreRead() throws {
        let policy = try Policy(yaml: """
            cycle: {announcement_working_days: 7, application_deadline: "05-15", call_for_applications: "03-01"}
            training: {pps_reading: single_course, leadership_kinds: [management, retraining]}
            durations: {abroad_long_maximum_years: 2}
            work_off:
              bands: [{from_cost: 1, months: 1}, {from_cost: 1000, months: 2}]
              rounding: down
            certificates: {number_format: "KAZGUU/{course}/{seq:3}"}
            """)
        #expect(policy.cycle.announcementWorkingDays == 7)
        #expect(policy.cycle.applicationDeadline == MonthDay("05-15"))
        #expect(policy.cycle.callForApplications == MonthDay("03-01"))
        #expect(policy.training.ppsReading == .singleCourse)
        #expect(policy.training.leadershipKinds == [.management, .retraining])
        #expect(policy.durations.abroadLongMaximumYears == 2)
        #expect(policy.workOff.months(forCost: 999) == 1 && policy.workOff.months(forCost: 1000) == 2)
        #expect(policy.workOff.rounding == .down)
        #expect(policy.certificates.numberFormat == "KAZGUU/{course}/{seq:3}")
    }

    @Test(arguments: [
        // (yaml, the key the error must name)
        ("cycle: {announcement_working_days: 0}", "cycle.announcement_working_days"),
        ("cycle: {announcement_working_days: five}", "cycle.announcement_working_days"),
        ("cycle: {application_deadline: 1 June}", "cycle.application_deadline"),
        ("cycle: {plan_deadline: \"02-30\"}", "cycle.plan_deadline"),
        ("cycle: {application_reminders_days_before: [7, -1]}", "cycle.application_reminders_days_before[1]"),
        ("cycle: {working_days: 5}", "cycle.working_days"),
        ("cycle: {call_for_applications: \"4/15\"}", "cycle.call_for_applications"),
        ("cycle: {call_for_applications: \"04-31\"}", "cycle.call_for_applications"),
        // §7.3 before §7.4: a call on or after the deadline is refused, naming the key that is set.
        ("cycle: {call_for_applications: \"06-01\"}", "cycle.call_for_applications"),
        ("cycle: {call_for_applications: \"07-01\", application_deadline: \"06-15\"}", "cycle.call_for_applications"),
        ("cycle: {application_deadline: \"04-10\"}", "cycle.application_deadline"),
        ("training: {pps_reading: both}", "training.pps_reading"),
        ("training: {leadership_groups: [bosses]}", "training.leadership_groups[0]"),
        ("training: {leadership_groups: [], leadership_kinds: []}", "training"),
        ("durations: {domestic_short_minimum_hours: -8}", "durations.domestic_short_minimum_hours"),
        ("work_off: {bands: [{from_cost: 100, months: 6}, {from_cost: 50, months: 12}]}", "work_off.bands[1].from_cost"),
        ("work_off: {bands: [{from_cost: 100}]}", "work_off.bands[0]"),
        ("work_off: {bands: []}", "work_off.bands"),
        ("work_off: {rounding: banker}", "work_off.rounding"),
        ("certificates: {number_format: \"CPD-{year}\"}", "certificates.number_format"),
        ("certificates: {number_format: \"CPD-{yr}-{seq}\"}", "certificates.number_format"),
        ("policy: {}", "policy"),
        ("- a\n- b", "(top level)"),
    ])
    func badValuesNameTheKey(yaml: String, key: String) {
        do {
            _ = try Policy(yaml: yaml, source: "p.yml")
            Issue.record("accepted: \(yaml)")
        } catch let error {
            guard case let .invalidConfiguration(file, errorKey, _, _) = error else {
                Issue.record("unexpected error \(error)"); return
            }
            #expect(file == "p.yml")
            #expect(errorKey == key)
        }
    }

    /// §7.3: the call's day is the university's; the default is 15 April, the day before it
    /// and the day before the deadline are accepted.
    @Test(arguments: [
        ("", "04-15"), ("cycle: {call_for_applications: \"01-10\"}", "01-10"),
        ("cycle: {call_for_applications: \"05-31\"}", "05-31"),
        ("cycle: {call_for_applications: \"06-30\", application_deadline: \"07-01\"}", "06-30"),
    ])
    func callForApplicationsDay(yaml: String, expected: String) throws {
        #expect(try Policy(yaml: yaml).cycle.callForApplications == MonthDay(expected))
    }

    @Test func errorsGiveTheLine() {
        #expect(throws: RegulationError.invalidConfiguration(
            file: "config/policy.yml", key: "durations.abroad_long_maximum_years", line: 3,
            problem: "0 is out of range; allowed 1…10")) {
            try Policy(yaml: "durations:\n  abroad_short_minimum_hours: 36\n  abroad_long_maximum_years: 0\n")
        }
    }
}
