import Foundation

/// Reads .ics files with Python's `icalendar` (Debian python3-icalendar, installed by
/// scripts/setup): an independent parser, so the bot's writer is not checked against itself.
enum ICalendarParser {
    struct Event: Decodable, Equatable {
        var uid: String, summary: String, description: String, start: String, end: String, sequence: Int
        var location: String?
        var status: String
        /// `mailto:` URIs as written (RFC 5546: the organizer always, the attendee with REQUEST and CANCEL).
        var organizer: String?
        var attendee: String?
    }

    struct Calendar: Decodable, Equatable {
        var method: String
        var events: [Event]
    }

    static let script = """
        import json, sys, icalendar
        out = []
        for path in sys.argv[1:]:
            cal = icalendar.Calendar.from_ical(open(path, 'rb').read())
            events = []
            for e in cal.walk('VEVENT'):
                events.append({'uid': str(e['UID']), 'summary': str(e['SUMMARY']), 'description': str(e['DESCRIPTION']),
                               'start': e.decoded('DTSTART').isoformat(), 'end': e.decoded('DTEND').isoformat(),
                               'sequence': int(e.get('SEQUENCE', 0)),
                               'location': str(e['LOCATION']) if 'LOCATION' in e else None,
                               'status': str(e.get('STATUS', '')),
                               'organizer': str(e['ORGANIZER']) if 'ORGANIZER' in e else None,
                               'attendee': str(e['ATTENDEE']) if 'ATTENDEE' in e else None})
            out.append({'method': str(cal.get('METHOD')), 'events': events})
        print(json.dumps(out))
        """

    static func parse(_ files: [[UInt8]]) throws -> [Calendar] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for (index, bytes) in files.enumerated() {
            let url = directory.appendingPathComponent("\(index).ics")
            try Data(bytes).write(to: url)
            paths.append(url.path)
        }
        let output = try CertificateChecks.run("python3", ["-c", script] + paths)
        return try JSONDecoder().decode([Calendar].self, from: output)
    }
}
