import Regulation

/// Template values for the course result notices and DSHR's summary.
enum CompletionContexts {
    static func notice(name: String, course: Course, result: CompletionResult, certificate: String?) -> [String: Any] {
        var values = PlanContexts.course(course)
        values["name"] = name
        values["hours"] = result.hours
        values["completion_date"] = result.record.completionDate
        switch result.outcome {
        case let .certificate(obligation):
            values["is_certificate"] = true
            values["certificate_number"] = certificate ?? ""
            if let months = obligation.months, let end = obligation.end {
                values["has_obligation"] = true
                values["obligation_months"] = months
                values["obligation_start"] = obligation.start
                values["obligation_end"] = end
                values["cost_kzt"] = Tenge(obligation.costKZT)
            }
        case let .expulsionReimburse(amount):
            values["is_expulsion"] = true
            values["reimburse_kzt"] = Tenge(amount)
            values["has_amount"] = amount > 0
        case .readmission:
            values["is_readmission"] = true
        }
        return values
    }

    static func summary(_ summary: CompletionsDesk.Summary, fileName: String) -> [String: Any] {
        [
            "file_name": fileName, "certificates_new": summary.certificatesNew,
            "certificates_before": summary.certificatesBefore, "expulsions": summary.expulsions,
            "readmissions": summary.readmissions, "notices_queued": summary.noticesQueued,
            "nothing_new": summary.noticesQueued == 0,
            "has_issues": !summary.issues.isEmpty,
            "issues": summary.issues.map { ["row": $0.row, "message": $0] },
        ]
    }
}
