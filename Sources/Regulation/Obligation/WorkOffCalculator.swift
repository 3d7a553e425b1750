/// §8 computations with the policy's bands and rounding (pure).
public struct WorkOffCalculator: Sendable {
    /// The bands and rounding used.
    public var policy: WorkOffPolicy

    /// A calculator with the given policy.
    public init(policy: WorkOffPolicy = .init()) {
        self.policy = policy
    }

    /// §8.1: the work-off period for a course costing `cost` tenge, completed on `start`.
    public func obligation(costKZT cost: Int, start: CivilDate) throws(RegulationError) -> WorkOffObligation {
        guard cost >= 0 else { throw .invalidArgument("the cost cannot be negative (\(cost) KZT)") }
        let months = policy.months(forCost: cost)
        return WorkOffObligation(costKZT: cost, start: start, months: months,
                                 end: months.map { start.adding(months: $0) })
    }

    /// REGULATION.md's reading: cost × (end − on) / (end − start), in days, rounded to whole
    /// tenge (half up by default). Leaving on the start day repays the whole cost; leaving on
    /// or after the end repays nothing (the period was worked off).
    public func earlyEnd(of obligation: WorkOffObligation, reason: EndReason, on: CivilDate) throws(RegulationError) -> EarlyEnd {
        guard on >= obligation.start else {
            throw .invalidArgument("the leaving date \(on.iso) is before the period starts (\(obligation.start.iso))")
        }
        guard let end = obligation.end, let periodDays = obligation.periodDays, periodDays > 0 else {
            return EarlyEnd(reason: reason, on: on, reimburseKZT: 0, daysNotWorked: nil,
                            section: "§8.1: a free course binds no work-off period")
        }
        let daysNotWorked = max(0, on.days(to: end))
        switch reason {
        case .dismissed:
            return EarlyEnd(reason: reason, on: on, reimburseKZT: 0, daysNotWorked: daysNotWorked,
                            section: "§8, 1.2: dismissed on the employer's initiative, nothing to reimburse")
        case .resigned, .dismissedForCause:
            let amount = divide(obligation.costKZT * daysNotWorked, by: periodDays)
            let section = reason == .resigned
                ? "§8, 1.1: resigned, reimburses the part of the period not worked"
                : "§8, 1.2 excludes dismissal for negative reasons, so 1.1 applies: the part not worked"
            return EarlyEnd(reason: reason, on: on, reimburseKZT: amount, daysNotWorked: daysNotWorked,
                            section: on >= end ? "§8: the period was worked off by \(end.iso)" : section)
        }
    }

    /// Integer division with the policy's rounding (exact: no floating point).
    func divide(_ numerator: Int, by denominator: Int) -> Int {
        let quotient = numerator / denominator
        let twiceRemainder = 2 * (numerator % denominator)
        switch policy.rounding {
        case .down: return quotient
        case .halfUp: return twiceRemainder >= denominator ? quotient + 1 : quotient
        case .halfEven:
            if twiceRemainder > denominator { return quotient + 1 }
            if twiceRemainder == denominator { return quotient % 2 == 0 ? quotient : quotient + 1 }
            return quotient
        }
    }
}
