/// What a `[PLAN]` message decides before anything is stored: the approval date (the body's
/// approval line, else the day the message came), the announcement deadline counted in working
/// days from it (§7.5), and the academic year the Plan is for. Pure: the message's subject,
/// text and day in, the decision out; the bot's `PlanDesk` stores the Plan and mails the preview.
public struct PlanArrival: Equatable, Sendable {
    /// The day the Plan was approved.
    public var approval: CivilDate
    /// The approval line as written, when the body has one (the preview quotes it).
    public var approvalLine: String?
    /// The last working day to announce the Plan to the staff.
    public var deadline: CivilDate
    /// The academic year, e.g. `2026-2027` (`PlanCycleName`).
    public var cycle: String

    /// A decision from its parts.
    public init(approval: CivilDate, approvalLine: String?, deadline: CivilDate, cycle: String) {
        self.approval = approval
        self.approvalLine = approvalLine
        self.deadline = deadline
        self.cycle = cycle
    }

    /// Decides for a message with `subject` and plain-text `body` received on `receivedOn`
    /// (the university's day), under `policy` and `calendar`.
    public init(subject: String?, body: String, receivedOn: CivilDate, policy: CyclePolicy,
                calendar: HolidayCalendar) throws(RegulationError) {
        let line = ApprovalLine.find(in: body)
        let approval = line?.date ?? receivedOn
        self.init(
            approval: approval, approvalLine: line?.line,
            deadline: try calendar.deadline(approvedOn: approval, workingDays: policy.announcementWorkingDays).deadline,
            cycle: PlanCycleName.of(subject: subject, approval: approval, applicationDeadline: policy.applicationDeadline))
    }

    /// The extension the stored copy of the Plan's file gets: the sender's, lower-case, when it
    /// is 1–5 ASCII letters or digits; `bin` otherwise (a name from mail never makes a path).
    public static func storedFileExtension(of fileName: String) -> String {
        guard let dot = fileName.lastIndex(of: "."), fileName.index(after: dot) != fileName.endIndex else { return "bin" }
        let candidate = fileName[fileName.index(after: dot)...].lowercased()
        return candidate.count <= 5 && candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) ? candidate : "bin"
    }
}
