extension ApplicationFileRecord {
    /// The record as expected.json writes it: `file`, `readable`, `error_kind`, `rows`,
    /// `invalid_rows`, every key present and `null` written out.
    public var jsonText: String { JSONText.render(jsonValue) }

    /// Several records as one JSON array.
    public static func jsonText(_ records: [ApplicationFileRecord]) -> String {
        JSONText.render(.array(records.map(\.jsonValue)))
    }

    /// The same text as `jsonText` (one record) or `jsonText(_:)` (several, as an array),
    /// written piece by piece: a 5,000-row record is never held whole as one string.
    public static func writeJSON(_ records: [ApplicationFileRecord], to out: inout some TextOutputStream) {
        let value = records.count == 1 ? records[0].jsonValue : .array(records.map(\.jsonValue))
        JSONText.write(value, indent: 0, into: &out)
        out.write("\n")
    }

    var jsonValue: JSONText.Value {
        .object([
            ("file", .string(file)),
            ("readable", .bool(reading.readable)),
            ("error_kind", reading.errorKind.map(JSONText.Value.string) ?? .null),
            ("rows", .array(reading.rows.map(\.jsonValue))),
            ("invalid_rows", .array(reading.invalidRows.map(\.jsonValue))),
        ])
    }
}

extension ApplicationRow {
    var jsonValue: JSONText.Value {
        func text(_ value: String?) -> JSONText.Value { value.map(JSONText.Value.string) ?? .null }
        func number(_ value: Int?) -> JSONText.Value { value.map(JSONText.Value.int) ?? .null }
        return .object([
            ("no", number(no)),
            ("school", text(school)),
            ("full_name", text(fullName)),
            ("training_direction", text(trainingDirection)),
            ("programme", text(programme)),
            ("last_course", text(lastCourse)),
            ("last_course_date", text(lastCourseDate)),
            ("last_course_hours", number(lastCourseHours)),
            ("phone", text(phone)),
            ("email", text(email)),
        ])
    }
}

extension RowProblem {
    var jsonValue: JSONText.Value {
        .object([("row", .int(row)), ("field", .string(field.rawValue)), ("problem", .string(problem.rawValue))])
    }
}
