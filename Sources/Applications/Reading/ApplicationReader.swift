public import Documents

/// The one path from a file (or a table pasted into a message) to an application reading,
/// shared by the bot and `cpdbot validate`.
public enum ApplicationReader {
    /// Reads a file's bytes with the Documents readers; a file that cannot be read becomes
    /// the matching file-level outcome (`unsupported_format`, `encrypted_or_corrupt`, …).
    public static func read(bytes: [UInt8], fileName: String, receivedOn: CalendarDay,
                            limits: ApplicationLimits = .init(),
                            documentLimits: DocumentLimits = .init(), budget: InflationBudget? = nil) -> ApplicationReading {
        do {
            let document = try DocumentReader.read(bytes: bytes, fileName: fileName, limits: documentLimits, budget: budget)
            return read(document: document, fileName: fileName, receivedOn: receivedOn, limits: limits)
        } catch {
            return reading(for: error)
        }
    }

    /// Reads a document the Documents module produced.
    public static func read(document: Document, fileName: String = "the file", receivedOn: CalendarDay,
                            limits: ApplicationLimits = .init()) -> ApplicationReading {
        var reading = read(tables: document.tables, receivedOn: receivedOn, limits: limits)
        if reading.failure == .noTableFound {
            reading.detail = "\(fileName) holds no Appendix 1 table: no header row names both the full name "
                + "and the e-mail column. Send the application table (Appendix 1) itself."
        }
        return reading
    }

    /// Reads tables directly, e.g. the tables of an HTML message body (`HTMLTableReader`).
    /// `receivedOn` is the date of receipt: a last-course date after it is `future`.
    public static func read(tables: [Table], receivedOn: CalendarDay,
                            limits: ApplicationLimits = .init()) -> ApplicationReading {
        guard let chosen = TableChooser.choose(from: tables, receivedOn: receivedOn, limits: limits) else {
            return ApplicationReading(failure: .noTableFound,
                detail: "No table has a header row with both a full-name column and an e-mail column.")
        }
        return chosen.read()
    }

    /// The outcome for a file the Documents readers refused, with their explanation.
    public static func reading(for error: DocumentError) -> ApplicationReading {
        ApplicationReading(failure: ReadingErrorKind(error.kind), detail: error.detail)
    }
}
