import Testing
@testable import Regulation

/// §8: the period by cost, its end, and the refund on an early end.
@Suite struct WorkOffObligationTests {
    static let cases = (try? Fixtures.expected().obligations) ?? []

    @Test func theOracleIsLoaded() { #expect(WorkOffObligationTests.cases.count == 30) }

    /// samples/cycle/expected.json `obligations[]`, with the committed policy.yml.
    @Test(arguments: WorkOffObligationTests.cases)
    func oracle(_ expected: CycleExpected.Obligation) throws {
        let calculator = WorkOffCalculator(policy: try Fixtures.policy().workOff)
        let obligation = try calculator.obligation(costKZT: expected.cost, start: Fixtures.date(expected.start))
        #expect(obligation.months == expected.months)
        #expect(obligation.end?.iso == expected.end)
        #expect(obligation.periodDays == expected.period_days)
        if let reason = expected.end_reason, let on = expected.on {
            let end = try calculator.earlyEnd(of: obligation, reason: try #require(EndReason(rawValue: reason)),
                                              on: Fixtures.date(on))
            #expect(end.reimburseKZT == expected.reimburse_kzt)
            #expect(end.daysNotWorked == expected.days_not_worked)
        } else {
            #expect(expected.reimburse_kzt == nil)
        }
    }

    /// Both sides of every threshold of REGULATION.md's reading.
    @Test(arguments: [
        (0, nil), (1, 3), (50_000, 3), (59_999, 3), (60_000, 6), (60_001, 6), (99_999, 6), (100_000, 12),
        (100_001, 12), (399_999, 12), (400_000, 18), (400_001, 18), (799_999, 18), (800_000, 18), (800_001, 24),
        (10_000_000, 24),
    ] as [(Int, Int?)])
    func periodByCost(cost: Int, months: Int?) throws {
        let obligation = try WorkOffCalculator().obligation(costKZT: cost, start: Fixtures.date("2026-09-01"))
        #expect(obligation.months == months)
        #expect(obligation.hasObligation == (months != nil))
    }

    @Test(arguments: [
        // Leap years: the end date is clamped, and the period counts the real days.
        ("2027-11-30", 45_000, "2028-02-29", 91), ("2025-11-30", 45_000, "2026-02-28", 90),
        ("2028-02-29", 250_000, "2029-02-28", 365), ("2027-02-28", 250_000, "2028-02-28", 365),
        ("2027-03-01", 250_000, "2028-03-01", 366), ("2026-08-31", 500_000, "2028-02-29", 547),
    ])
    func leapYears(start: String, cost: Int, end: String, days: Int) throws {
        let obligation = try WorkOffCalculator().obligation(costKZT: cost, start: Fixtures.date(start))
        #expect(obligation.end?.iso == end)
        #expect(obligation.periodDays == days)
    }

    @Test(arguments: [
        // (rounding, cost × days / period) – 67 500 × 69 / 184 = 25 312.5 exactly.
        (WorkOffPolicy.Rounding.halfUp, 25_313), (.halfEven, 25_312), (.down, 25_312),
    ])
    func roundingIsConfigurable(rounding: WorkOffPolicy.Rounding, amount: Int) throws {
        var policy = WorkOffPolicy()
        policy.rounding = rounding
        let calculator = WorkOffCalculator(policy: policy)
        let obligation = try calculator.obligation(costKZT: 67_500, start: Fixtures.date("2026-03-18"))
        #expect(try calculator.earlyEnd(of: obligation, reason: .resigned, on: Fixtures.date("2026-07-11")).reimburseKZT == amount)
    }

    @Test(arguments: EndReason.allCases)
    func edgesOfTheEarlyEnd(reason: EndReason) throws {
        let calculator = WorkOffCalculator()
        let obligation = try calculator.obligation(costKZT: 180_000, start: Fixtures.date("2026-10-15"))
        let onStart = try calculator.earlyEnd(of: obligation, reason: reason, on: Fixtures.date("2026-10-15"))
        #expect(onStart.reimburseKZT == (reason == .dismissed ? 0 : 180_000))
        let onEnd = try calculator.earlyEnd(of: obligation, reason: reason, on: Fixtures.date("2027-10-15"))
        #expect(onEnd.reimburseKZT == 0)
        #expect(throws: RegulationError.self) {
            try calculator.earlyEnd(of: obligation, reason: reason, on: Fixtures.date("2026-10-14"))
        }
        let free = try calculator.obligation(costKZT: 0, start: Fixtures.date("2026-10-15"))
        #expect(try calculator.earlyEnd(of: free, reason: reason, on: Fixtures.date("2026-12-01")).reimburseKZT == 0)
    }

    @Test func aNegativeCostIsRefused() {
        #expect(throws: RegulationError.self) {
            try WorkOffCalculator().obligation(costKZT: -1, start: Fixtures.date("2026-09-01"))
        }
    }

    @Test func theLargestCostDoesNotOverflow() throws {
        let calculator = WorkOffCalculator()
        let limit = TableReadingLimits().maxCostKZT
        let obligation = try calculator.obligation(costKZT: limit, start: Fixtures.date("2026-09-01"))
        let end = try calculator.earlyEnd(of: obligation, reason: .resigned, on: Fixtures.date("2026-09-01"))
        #expect(end.reimburseKZT == limit)
    }
}
