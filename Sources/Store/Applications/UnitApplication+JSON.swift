import Foundation

extension UnitApplication {
    /// The file's bytes, exactly as `StoreJSON.encoder` writes them (pretty, sorted keys, ISO 8601
    /// dates), written directly as UTF-8 bytes: the generic encoder was a sixth of a busy pass's
    /// time, and this runs once per message on the pass's one handling thread. Text with control
    /// characters, and an empty application, go through the generic encoder, so its escaping
    /// rules are never re-implemented here.
    func storeJSON() throws -> Data {
        guard !rows.isEmpty, let bytes = directJSON() else { return try StoreJSON.encoder.encode(self) }
        return Data(bytes)
    }

    /// nil when some text holds a control character (the generic encoder escapes those).
    private func directJSON() -> [UInt8]? {
        var out = JSONBytes(capacity: rows.count * 900)
        out.append("{\n  \"cycle\" : ")
        guard out.quoted(cycle) else { return nil }
        out.append(",\n  \"rows\" : [\n")
        // The rows of one message share their time: it is formatted once.
        var formatted: (date: Date, text: String)?
        for (index, row) in rows.enumerated() {
            if index > 0 { out.append(",\n") }
            if formatted?.date != row.receivedAt { formatted = (row.receivedAt, row.receivedAt.formatted(.iso8601)) }
            guard row.appendStoreJSON(receivedAt: formatted?.text ?? row.receivedAt.formatted(.iso8601), to: &out) else {
                return nil
            }
        }
        out.append("\n  ],\n  \"unit\" : ")
        guard out.quoted(unit) else { return nil }
        out.append(",\n  \"updated_at\" : ")
        guard out.quoted(updatedAt.formatted(.iso8601)) else { return nil }
        out.append("\n}")
        return out.bytes
    }
}

/// The output of the direct writer: UTF-8 bytes, strings quoted as the generic encoder quotes
/// them with `.withoutEscapingSlashes` (`"` and `\` escaped, `/` and non-ASCII as they are).
struct JSONBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Literal text (keys, punctuation): copied as it is.
    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(number: Int) {
        // String(Int) explicitly: `map(String.init)` picks String(describing:), which looks up
        // conformances at run time for every value.
        bytes.append(contentsOf: String(number).utf8)
    }

    /// Appends `text` in quotes; false (and the output unusable) at a control character.
    mutating func quoted(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 -> Bool in
            bytes.append(0x22)
            defer { bytes.append(0x22) }
            // Most text needs no escape: then it is copied at once.
            guard utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) else {
                bytes.append(contentsOf: utf8)
                return true
            }
            for byte in utf8 {
                switch byte {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case ..<0x20: return false
                default: bytes.append(byte)
                }
            }
            return true
        }
    }
}

extension StoredApplicationRow {
    /// One row at the indentation of `rows`, keys sorted as the generic encoder sorts them.
    /// False when some text holds a control character.
    func appendStoreJSON(receivedAt formattedReceivedAt: String, to out: inout JSONBytes) -> Bool {
        var clean = true
        func text(_ key: StaticString, _ value: String?) {
            out.append(key)
            if let value { clean = out.quoted(value) && clean } else { out.append("null") }
        }
        func number(_ key: StaticString, _ value: Int?) {
            out.append(key)
            if let value { out.append(number: value) } else { out.append("null") }
        }
        text("    {\n      \"cycle\" : ", cycle)
        text(",\n      \"email\" : ", email)
        text(",\n      \"full_name\" : ", fullName)
        text(",\n      \"last_course\" : ", lastCourse)
        text(",\n      \"last_course_date\" : ", lastCourseDate)
        number(",\n      \"last_course_hours\" : ", lastCourseHours)
        out.append(",\n      \"late\" : ")
        out.append(late ? "true" : "false")
        text(",\n      \"message_id\" : ", messageID)
        number(",\n      \"no\" : ", no)
        text(",\n      \"phone\" : ", phone)
        text(",\n      \"programme\" : ", programme)
        text(",\n      \"received_at\" : ", formattedReceivedAt)
        text(",\n      \"school\" : ", school)
        text(",\n      \"source_file\" : ", sourceFile)
        text(",\n      \"submitted_by\" : ", submittedBy)
        text(",\n      \"training_direction\" : ", trainingDirection)
        text(",\n      \"unit\" : ", unit)
        out.append("\n    }")
        return clean
    }
}
