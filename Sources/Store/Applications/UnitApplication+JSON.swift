import Foundation

extension UnitApplication {
    /// The file's bytes, exactly as `StoreJSON.encoder` writes them (pretty, sorted keys, ISO 8601
    /// dates), written directly: the generic encoder was a sixth of a busy pass's time. Text
    /// with control characters, and an empty application, go through the generic encoder, so
    /// its escaping rules are never re-implemented here.
    func storeJSON() throws -> Data {
        guard !rows.isEmpty, !hasControlCharacters else { return try StoreJSON.encoder.encode(self) }
        var out = "{\n  \"cycle\" : " + Self.quoted(cycle) + ",\n  \"rows\" : [\n"
        // The rows of one message share their time: it is formatted once.
        var formatted: (date: Date, text: String)?
        for (index, row) in rows.enumerated() {
            if index > 0 { out += ",\n" }
            if formatted?.date != row.receivedAt { formatted = (row.receivedAt, row.receivedAt.formatted(.iso8601)) }
            row.appendStoreJSON(receivedAt: formatted?.text ?? row.receivedAt.formatted(.iso8601), to: &out)
        }
        out += "\n  ],\n  \"unit\" : " + Self.quoted(unit) + ",\n  \"updated_at\" : "
            + Self.quoted(updatedAt.formatted(.iso8601)) + "\n}"
        return Data(out.utf8)
    }

    private var hasControlCharacters: Bool {
        func control(_ text: String?) -> Bool { text?.utf8.contains { $0 < 0x20 } ?? false }
        return control(unit) || control(cycle) || rows.contains { row in
            [row.school, row.fullName, row.trainingDirection, row.programme, row.lastCourse, row.lastCourseDate,
             row.phone, row.email, row.unit, row.submittedBy, row.messageID, row.sourceFile, row.cycle].contains(where: control)
        }
    }

    /// `"` and `\` escaped; `/` and non-ASCII written as they are (`.withoutEscapingSlashes`).
    static func quoted(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C }) else { return "\"" + text + "\"" }
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.append(character)
            }
        }
        return out + "\""
    }
}

extension StoredApplicationRow {
    /// One row at the indentation of `rows`, keys sorted as the generic encoder sorts them.
    func appendStoreJSON(receivedAt formattedReceivedAt: String, to out: inout String) {
        func text(_ value: String?) -> String { value.map(UnitApplication.quoted) ?? "null" }
        func number(_ value: Int?) -> String { value.map(String.init) ?? "null" }
        let members: [(String, String)] = [
            ("cycle", text(cycle)),
            ("email", text(email)),
            ("full_name", text(fullName)),
            ("last_course", text(lastCourse)),
            ("last_course_date", text(lastCourseDate)),
            ("last_course_hours", number(lastCourseHours)),
            ("late", late ? "true" : "false"),
            ("message_id", text(messageID)),
            ("no", number(no)),
            ("phone", text(phone)),
            ("programme", text(programme)),
            ("received_at", text(formattedReceivedAt)),
            ("school", text(school)),
            ("source_file", text(sourceFile)),
            ("submitted_by", text(submittedBy)),
            ("training_direction", text(trainingDirection)),
            ("unit", text(unit)),
        ]
        out += "    {\n"
        for (index, member) in members.enumerated() {
            if index > 0 { out += ",\n" }
            out += "      \"" + member.0 + "\" : " + member.1
        }
        out += "\n    }"
    }
}
