import Intake

/// How a refused message is shown in `reject_message` and `report_to_dshr`.
extension MessageRefusal {
    /// The figures as the reply shows them: sizes (of the message or its header) in the
    /// reader's units ("10 МБ", "64 КБ"), counts as numbers.
    func shown(_ value: Int) -> Any {
        switch kind {
        case .tooLarge, .headerLineTooLong, .headerTooLarge: ByteCount(value)
        case .tooManyParts, .tooDeep, .damaged: value
        }
    }

    /// The context of `reject_message`.
    func replyValues(name: String?, originalSubject: String?) -> [String: Any] {
        var values: [String: Any] = [kind.rawValue: true]
        if let name { values["name"] = name }
        if let originalSubject { values["original_subject"] = originalSubject }
        if let actual { values["actual"] = shown(actual) }
        if let maximum { values["maximum"] = shown(maximum) }
        return values
    }

    /// What `report_to_dshr` shows about the refusal.
    func reportValues() -> [String: Any] {
        var values: [String: Any] = ["message_refused": true, "refusal_\(kind.rawValue)": true, "refusal_detail": detail]
        if let configurationKey { values["limit_key"] = configurationKey }
        if let actual { values["limit_actual"] = shown(actual) }
        if let maximum { values["limit_maximum"] = shown(maximum) }
        return values
    }
}
