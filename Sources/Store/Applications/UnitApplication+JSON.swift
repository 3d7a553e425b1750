import Foundation

extension UnitApplication {
    /// The file's bytes, exactly as `StoreJSON.encoder` writes them (pretty, sorted keys, ISO 8601
    /// dates), written directly: the generic encoder was a sixth of a busy pass's time. Text
    /// with control characters, and an empty application, go through the generic encoder, so
    /// its escaping rules are never re-implemented here.
    func storeJSON() throws -> Data {
        guard !rows.isEmpty, !hasControlCharacters else { return try StoreJSON.encoder.encode(self) }
        var out = "{\n  \"cycle\" : " + Self.quoted(cycle) + ",\n  \"rows\" : [\n"
        out.reserveCapacity(rows.count * 768)
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
        var out = ""
        appendQuoted(text, to: &out)
        return out
    }

    static func appendQuoted(_ text: String, to out: inout String) {
        out.append("\"")
        if text.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C }) {
            for character in text {
                switch character {
                case "\"": out.append("\\\"")
                case "\\": out.append("\\\\")
                default: out.append(character)
                }
            }
        } else {
            out.append(text)
        }
        out.append("\"")
    }
}

extension StoredApplicationRow {
    /// One row at the indentation of `rows`, keys sorted as the generic encoder sorts them.
    func appendStoreJSON(receivedAt formattedReceivedAt: String, to out: inout String) {
        var first = true
        func key(_ name: String) {
            out.append(first ? "    {\n      \"" : ",\n      \"")
            first = false
            out.append(name)
            out.append("\" : ")
        }
        func text(_ name: String, _ value: String?) {
            key(name)
            if let value { UnitApplication.appendQuoted(value, to: &out) } else { out.append("null") }
        }
        func number(_ name: String, _ value: Int?) {
            key(name)
            // String(Int) explicitly: `map(String.init)` picks String(describing:), which
            // looks up conformances at run time for every value.
            if let value { out.append(String(value)) } else { out.append("null") }
        }
        text("cycle", cycle)
        text("email", email)
        text("full_name", fullName)
        text("last_course", lastCourse)
        text("last_course_date", lastCourseDate)
        number("last_course_hours", lastCourseHours)
        key("late")
        out.append(late ? "true" : "false")
        text("message_id", messageID)
        number("no", no)
        text("phone", phone)
        text("programme", programme)
        text("received_at", formattedReceivedAt)
        text("school", school)
        text("source_file", sourceFile)
        text("submitted_by", submittedBy)
        text("training_direction", trainingDirection)
        text("unit", unit)
        out.append("\n    }")
    }
}
