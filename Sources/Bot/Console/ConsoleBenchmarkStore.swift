import CivilCalendar
import Digest
public import Foundation
import Regulation
import Staff
public import Store

/// The console figure of `scripts/bench` (issue 17, item 5): a store the size of a big
/// university, written through the store's own types – a roster of `people`, `cycles` academic
/// years of applications and Plans (the current one being announced), certificates, the §8/§7.14
/// results and a journal of `journalLines` lines – and a sign-in link for DSHR, so that a
/// benchmark can sign in through the console's own redemption and request pages signed in.
/// The same seed gives the same store.
public struct ConsoleBenchmarkStore {
    /// What was written, for the benchmark's log and its page URLs.
    public struct Summary: Codable, Sendable {
        /// The seed the content was drawn from.
        public var seed: UInt64
        /// People in the roster (DSHR, the heads and the staff).
        public var people: Int
        /// Units in the roster.
        public var units: Int
        /// Academic years with applications and a Plan, oldest first (the last is the current one).
        public var cycles: [String]
        /// Application rows over all cycles.
        public var applicationRows: Int
        /// Certificates in the registry.
        public var certificates: Int
        /// Announcements in the outbox (the current cycle's Plan).
        public var outboxEntries: Int
        /// Lines in `journal.jsonl`.
        public var journalLines: Int
        /// DSHR's address (the link below signs it in).
        public var dshr: String
        /// A unit's id for `/units/<id>`.
        public var sampleUnitID: String
        /// A received message's hash for `/messages/<sha256>`.
        public var sampleMessage: String
        /// A sender for `/messages?from=`.
        public var sampleSender: String
    }

    /// What a client needs to spend the sign-in link: never printed, written 0600 beside the store.
    public struct SignIn: Codable, Sendable {
        /// The link's token (only its SHA-256 is in the store).
        public var token: String
        /// The browser nonce cookie the link is bound to (only its SHA-256 is in the store).
        public var nonce: String
    }

    /// People in the roster.
    public var people = 10_000
    /// Academic years, the current one included.
    public var cycles = 5
    /// Lines in the journal.
    public var journalLines = 100_000
    /// The seed; the same seed gives the same store.
    public var seed: UInt64
    /// The store's folder (emptied first).
    public var storeDirectory: URL
    /// "Now": the current cycle is the one that takes applications at this moment.
    public var now: Date

    /// A generator; nothing is written until `write(signInFile:)`.
    public init(seed: UInt64, storeDirectory: URL, now: Date = Date()) {
        self.seed = seed
        self.storeDirectory = storeDirectory
        self.now = now
    }

    /// DSHR in the benchmark's roster (also `bot.dshr` of its configuration).
    public static let dshr = "dshr.bench@kazguu.kz"

    /// Writes the store and the sign-in file (0600); returns what was written.
    public func write(signInFile: URL) throws -> Summary {
        try? FileManager.default.removeItem(at: storeDirectory)
        let store = try FileStore(root: storeDirectory)
        var random = SplitMix64(seed: seed)
        let zone = UniversityTimeZone.default

        // The roster: units of about 80 people, a head each, DSHR first.
        let unitCount = max(1, people / 80)
        let units = (0..<unitCount).map { Self.unitName($0) }
        var roster: [RosterPerson] = [RosterPerson(email: Self.dshr, fullName: "Сатпаева Айгерим Болатқызы", category: .abp,
                                                   unit: "HR", role: .dshr, leadership: false, language: .ru)]
        for index in 1..<max(2, people) {
            let unit = units[index % unitCount]
            let isHead = index <= unitCount
            roster.append(RosterPerson(
                email: Self.email(index), fullName: Self.fullName(index, random: &random),
                category: index % 4 == 0 ? .abp : .pps, unit: unit, role: isHead ? .head : .staff,
                leadership: isHead || random.next(below: 20) == 0,
                language: [RosterPerson.Language.kk, .ru, .en][index % 3]))
        }
        try store.roster.replace(with: Roster(people: roster))
        let staff = Array(roster.dropFirst())
        let heads = Dictionary(staff.filter { $0.role == .head }.map { ($0.unit, $0.email) }, uniquingKeysWith: { a, _ in a })

        // Cycles: the current one (as the intake names it now) and the years before.
        let current = ConsoleCycleFacts(now: now, timeZone: zone).cycle
        let currentYear = Int(current.prefix(4)) ?? 2026
        let names = (0..<max(1, cycles)).reversed().map { "\(currentYear - $0)-\(currentYear - $0 + 1)" }

        var rowCount = 0
        var ledger = TrainingLedger()
        let format = try CertificateNumberFormat("CPD-{year}-{seq:5}")
        var issued: [IssuedCertificate] = []
        var outboxCount = 0
        for (cycleIndex, cycle) in names.enumerated() {
            let year = Int(cycle.prefix(4)) ?? currentYear
            let isCurrent = cycle == current
            let deadline = Self.date(year: year, month: 6, day: 1, zone: zone)
            // Applications: nine units in ten apply, for about a fifth of their people.
            var participants: [RosterPerson] = []
            for unit in units where random.next(below: 10) != 0 {
                let members = staff.filter { $0.unit == unit }
                let head = heads[unit] ?? Self.dshr
                let messageID = "<app-\(cycle)-\(SHA256.hexDigest(Data(unit.utf8)).prefix(12))@kazguu.kz>"
                var received = deadline.addingTimeInterval(-Double(random.next(below: 60 * 86_400)))
                if received > now { received = now.addingTimeInterval(-Double(random.next(below: 30 * 86_400))) }
                let late = random.next(below: 20) == 0
                let chosen = members.filter { _ in random.next(below: 5) == 0 }
                let rows = chosen.enumerated().map { number, person in
                    StoredApplicationRow(
                        no: number + 1, school: unit, fullName: person.fullName,
                        trainingDirection: "Құқықтық зерттеу әдістері", programme: "Академиялық жазу және зерттеу",
                        lastCourse: "Цифрлық педагогика", lastCourseDate: "\(year - 1 - Int(random.next(below: 4)))-03-15",
                        lastCourseHours: [36, 72, 108][Int(random.next(below: 3))], phone: "+7 701 \(1_000_000 + number)",
                        email: person.email, unit: unit, submittedBy: head, messageID: messageID, receivedAt: received,
                        sourceFile: "Қосымша-1 \(unit).xlsx", cycle: cycle, late: late)
                }
                try store.applications.replace(unit: unit, cycle: cycle, rows: rows, now: received)
                rowCount += rows.count
                participants += chosen
            }
            // The cycle's Plan: 150 courses, one for each applicant.
            // The current cycle's Plan is being announced now: its §7.7 deadline ten days ahead,
            // kept inside this year (the holiday calendar may not cover the next one yet).
            let today = CivilDate(now, in: zone)
            let approval = isCurrent ? today.adding(days: -5) : CivilDate(year: year, month: 7, day: 3) ?? today
            let deadline77 = isCurrent ? min(today.adding(days: 10), CivilDate(year: today.year, month: 12, day: 31) ?? today)
                : CivilDate(year: year, month: 8, day: 20) ?? approval
            let planCSV = Self.planCSV(cycle: cycle, year: year, participants: participants)
            let stored = StoredPlan(
                slot: cycle, cycle: cycle, state: isCurrent ? .confirmed : .announced, fileName: "Жоспар \(cycle).csv",
                storedFile: "plan.csv", sha256: SHA256.hexDigest(Data(planCSV.utf8)), approvalDate: approval,
                approvalLine: "Approved: \(approval.iso)", deadline: deadline77,
                from: Self.dshr, receivedAt: isCurrent ? now.addingTimeInterval(-5 * 86_400) : Self.date(year: year, month: 7, day: 3, zone: zone),
                previewMessageID: "<preview-\(cycle)@kazguu.kz>", confirmedBy: Self.dshr,
                confirmedAt: isCurrent ? now.addingTimeInterval(-4 * 86_400) : Self.date(year: year, month: 7, day: 4, zone: zone),
                announcedAt: isCurrent ? nil : Self.date(year: year, month: 7, day: 5, zone: zone))
            try PlanStore(store: store).save(stored, file: Data(planCSV.utf8))
            if isCurrent {
                // Announcing now: one announcement per participant, seven in ten sent.
                for person in participants {
                    let id = "<announce-\(cycle)-\(SHA256.hexDigest(Data(person.email.utf8)).prefix(16))@kazguu.kz>"
                    try store.outbox.enqueue(messageID: id, purpose: "announce:\(cycle):\(person.email)",
                                             recipients: [person.email], subject: "Біліктілікті арттыру жоспары \(cycle)",
                                             raw: Data("Subject: Plan \(cycle)\r\n\r\nPlan.\r\n".utf8), now: now)
                    if random.next(below: 10) < 7 { try store.outbox.markSent(messageID: id, at: now) }
                    outboxCount += 1
                }
                continue
            }
            // Past cycles: results and certificates (one in twenty fails; a paid course in five).
            for (index, person) in participants.enumerated() {
                let course = Self.courseID(cycle: cycle, index: index)
                let key = course + "\u{0}" + person.email
                let end = CivilDate(year: year + 1, month: 3, day: 20) ?? approval
                if random.next(below: 20) == 0 {
                    ledger.results[key] = CompletionStatus.failed.rawValue
                    continue
                }
                ledger.results[key] = CompletionStatus.completed.rawValue
                ledger.history.append(TrainingRecord(participantEmail: person.email, courseID: course, completionDate: end,
                                                     hours: 72, group: .professionalKnowledgeAndResearch, kind: .qualification))
                let number = ledger.certificates.issue(courseID: course, participantEmail: person.email, year: year + 1,
                                                       format: format).number
                issued.append(IssuedCertificate(
                    number: number, participantEmail: person.email, fullName: person.fullName, courseID: course,
                    courseTitle: Self.courseTitle(index), group: CompetencyGroup.professionalKnowledgeAndResearch.rawValue,
                    hours: 72, startDate: "\(year + 1)-03-01", endDate: end.iso, delivery: "blended",
                    issuedOn: end.iso, languages: [person.language.rawValue]))
            }
            _ = cycleIndex
        }
        try ledger.save(to: store)
        try store.certificates.record(issued)

        // The journal: messages in (received, routed, the receipt sent) and polls, oldest first,
        // spread over the cycles' years.
        let senders = staff.filter { $0.role == .head }.map(\.email) + staff.prefix(400).map(\.email)
        let start = Self.date(year: currentYear - names.count + 1, month: 1, day: 10, zone: zone)
        let span = now.timeIntervalSince(start)
        var events: [JournalEvent] = []
        events.reserveCapacity(journalLines)
        var sampleMessage = "", sampleSender = ""
        var uid: UInt32 = 0
        let outcomes = ["processed", "processed", "processed", "processed", "processed", "processed", "processed",
                        "rejected", "rejected", "ignored", "reported"]
        while events.count < journalLines {
            let at = start.addingTimeInterval(span * Double(events.count) / Double(journalLines))
            if random.next(below: 12) == 0 {
                events.append(JournalEvent(at: at, event: .poll, detail: "processed 1, rejected 0, ignored 0"))
                continue
            }
            uid += 1
            let from = senders[Int(random.next(below: UInt64(senders.count)))]
            let sha = SHA256.hexDigest(Data("message-\(seed)-\(uid)".utf8))
            let messageID = "<m\(uid).\(seed)@kazguu.kz>"
            let outcome = outcomes[Int(random.next(below: UInt64(outcomes.count)))]
            events.append(JournalEvent(at: at, event: .received, messageID: messageID, uid: uid, from: from,
                                       detail: "Қосымша 1", sha256: sha))
            events.append(JournalEvent(at: at.addingTimeInterval(1), event: .routed, messageID: messageID, uid: uid,
                                       outcome: outcome, folder: outcome == "processed" ? "Processed" : "Rejected",
                                       from: from, sha256: sha))
            events.append(JournalEvent(at: at.addingTimeInterval(2), event: .sent, messageID: "<r\(uid).\(seed)@kazguu.kz>",
                                       detail: "receipt to \(from)", sha256: sha))
            if sampleMessage.isEmpty, events.count > journalLines / 2 {
                sampleMessage = sha
                sampleSender = from
            }
        }
        events.removeLast(events.count - journalLines)
        try store.journal.append(contentsOf: events)

        try Self.addSignInLink(store: store, file: signInFile, now: now)

        let sampleUnit = units[0]
        return Summary(seed: seed, people: roster.count, units: unitCount, cycles: names, applicationRows: rowCount,
                       certificates: issued.count, outboxEntries: outboxCount, journalLines: events.count, dshr: Self.dshr,
                       sampleUnitID: Self.unitID(sampleUnit), sampleMessage: sampleMessage, sampleSender: sampleSender)
    }

    /// A new sign-in link for DSHR, as the console stores one (only the hashes of the token and
    /// of the browser's nonce); the token and the nonce go to `file` (0600), for the client.
    public static func addSignInLink(store: FileStore, file: URL, now: Date = Date()) throws {
        let signIn = SignIn(token: token(), nonce: token())
        try ConsoleLinkBook(store: store).add(ConsoleLinkBook.Link(
            tokenHash: SHA256.hexDigest(Data(signIn.token.utf8)), browserHash: SHA256.hexDigest(Data(signIn.nonce.utf8)),
            email: dshr, createdAt: now, expiresAt: now.addingTimeInterval(15 * 60)), now: now)
        try? FileManager.default.removeItem(at: file)
        _ = FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600])
        try JSONEncoder().encode(signIn).write(to: file)
    }

    // MARK: Names and tables

    static func email(_ index: Int) -> String { String(format: "person%05d@kazguu.kz", index) }

    /// The console's `/units/<id>`: the same slug as `UnitID.of` (the first 16 hex digits of the name's SHA-256).
    static func unitID(_ unit: String) -> String { String(SHA256.hexDigest(Data(unit.utf8)).prefix(16)) }

    static func unitName(_ index: Int) -> String {
        let kinds = ["Құқық жоғары мектебі", "Кафедра гражданского права", "School of Economics", "Халықаралық қатынастар кафедрасы",
                     "Отдел кадров", "Department of Languages", "Қаржы бөлімі", "Кафедра уголовного процесса"]
        return "\(kinds[index % kinds.count]) №\(index / kinds.count + 1)"
    }

    static func fullName(_ index: Int, random: inout SplitMix64) -> String {
        let surnames = ["Әбенова", "Қасымов", "Нұрғалиева", "Өтегенов", "Ұзақбаева", "Иванов", "Ли", "Смагулова", "Ғалымов", "Жұмабаев"]
        let given = ["Әсел", "Қанат", "Ұлжан", "Ілияс", "Гүлнар", "Анна", "Ержан", "Мәдина", "Сергей", "Айгерим"]
        return "\(surnames[Int(random.next(below: 10))]) \(given[Int(random.next(below: 10))]) \(index)"
    }

    static func courseID(cycle: String, index: Int) -> String { "C\(cycle.prefix(4))-\(index % 150)" }

    static func courseTitle(_ index: Int) -> String {
        ["Құқықтық зерттеу әдістері", "Цифровая педагогика", "Academic writing", "Басқару негіздері", "Медиация"][index % 5]
            + " \(index % 150)"
    }

    /// The Plan as DSHR's CSV: one row per participant; one course in five paid (§8 months, §7.14).
    static func planCSV(cycle: String, year: Int, participants: [RosterPerson]) -> String {
        var csv = "course_id,title,competency_group,audience,kind,location,term,hours,start_date,end_date,language,delivery,cost_kzt,participant_email\r\n"
        for (index, person) in participants.enumerated() {
            let cost = index % 150 % 5 == 0 ? 450_000 : 0
            csv += "\(courseID(cycle: cycle, index: index)),\(courseTitle(index)),professional_knowledge_and_research,PPS,"
                + "qualification,domestic,medium,72,\(year + 1)-03-01,\(year + 1)-03-20,kk,blended,\(cost),\(person.email)\r\n"
        }
        return csv
    }

    static func date(year: Int, month: Int, day: Int, zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 10)) ?? Date(timeIntervalSince1970: 0)
    }

    /// 32 bytes from the system's random source, base64url: the console's token shape.
    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// A small seeded generator (SplitMix64): the same seed gives the same store on every machine.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in 0..<bound (bound above 0).
    mutating func next(below bound: UInt64) -> UInt64 { next() % bound }
}
