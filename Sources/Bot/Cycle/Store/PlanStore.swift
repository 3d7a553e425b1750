import Documents
import Foundation
public import Regulation
public import Store

/// The Plans DSHR sent, as the cycle sees them: slots, states, and each Plan read again from
/// the file DSHR sent. The files themselves are the store's (`PlanFiles`, `<store>/plans/`).
public struct PlanStore: Sendable {
    /// The store's Plan folders.
    public let files: PlanFiles
    var documentLimits = DocumentLimits()

    /// The Plans of `store`.
    public init(store: FileStore) {
        files = store.plans
    }

    /// Every stored Plan, in slot order (a cycle's first Plan before its supplements).
    public func all() throws -> [StoredPlan] {
        try files.slots().sorted(by: Self.slotOrder).compactMap { slot in
            try files.metadata(StoredPlan.self, slot: slot)
        }
    }

    /// The Plans of `cycle`, in slot order.
    public func plans(cycle: String) throws -> [StoredPlan] {
        try all().filter { $0.cycle == cycle }
    }

    /// The Plan whose preview has this Message-ID (with or without angle brackets).
    func plan(previewMessageID id: String) throws -> StoredPlan? {
        let wanted = Self.bare(id)
        return try all().first { Self.bare($0.previewMessageID) == wanted }
    }

    /// The Plan an announcement belongs to, from its outbox purpose (`announce:<slot>:<address>`);
    /// nil for any other purpose.
    func plan(ofAnnouncement purpose: String) throws -> StoredPlan? {
        guard let key = StoredPlan.announcementKey(ofPurpose: purpose) else { return nil }
        return try all().first { $0.announcementKey == key }
    }

    /// The slot a new Plan of `cycle` goes to: the same file again keeps its slot; a corrected
    /// Plan (one that shares a course with a Plan not yet announced) replaces that one; any
    /// other Plan of the cycle – a supplement – gets the next slot.
    func slot(cycle: String, sha256: String, courseIDs: Set<String>) throws -> (slot: String, existing: StoredPlan?) {
        let plans = try plans(cycle: cycle)
        if let same = plans.first(where: { $0.sha256 == sha256 }) { return (same.slot, same) }
        for open in plans.reversed() where open.state != .announced {
            // An unreadable stored Plan cannot be told apart: the new one takes its place.
            let openIDs = (try? reading(of: open)).map { Set($0.plan.courses.map(\.id)) } ?? courseIDs
            if !openIDs.isDisjoint(with: courseIDs) { return (open.slot, nil) }
        }
        return (plans.isEmpty ? cycle : "\(cycle).\(plans.count + 1)", nil)
    }

    func save(_ plan: StoredPlan, file: Data? = nil) throws {
        try files.save(plan, slot: plan.slot, file: file.map { (name: plan.storedFile, bytes: $0) })
    }

    /// The Plan read again from the stored file.
    public func reading(of plan: StoredPlan) throws(CycleError) -> PlanReading {
        let path = (try? files.url(slot: plan.slot, name: plan.storedFile).path) ?? "\(files.directory.path)/\(plan.slot)"
        // Read once while the file is unchanged where the store keeps a read cache (the console).
        let limits = documentLimits
        let read = try? files.decoded(slot: plan.slot, name: plan.storedFile) { data -> Result<PlanReading, CycleError> in
            do {
                let document = try DocumentReader.read(bytes: [UInt8](data), fileName: plan.fileName, limits: limits)
                return .success(try PlanTableReader().read(document))
            } catch let error as RegulationError {
                return .failure(.storedPlanUnreadable(path: path, detail: error.description))
            } catch {
                return .failure(.storedPlanUnreadable(path: path, detail: "\(error)"))
            }
        }
        guard let read else { throw .storedPlanUnreadable(path: path, detail: "the file is missing") }
        return try read.get()
    }

    /// Every course and assignment of every stored Plan: completions name courses of any of
    /// them (course ids are unique across a university's Plans). A later Plan's course of the
    /// same id replaces the earlier one.
    func merged() throws -> Plan {
        var courses: [String: Course] = [:]
        var order: [String] = []
        var assignments: [Assignment] = []
        for stored in try all() {
            let plan = try reading(of: stored).plan
            for course in plan.courses {
                if courses[course.id] == nil { order.append(course.id) }
                courses[course.id] = course
            }
            assignments += plan.assignments
        }
        return Plan(courses: order.compactMap { courses[$0] }, assignments: assignments)
    }

    static func bare(_ id: String) -> String {
        id.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t")).lowercased()
    }

    /// `2026-2027` < `2026-2027.2` < `2026-2027.10`.
    static func slotOrder(_ a: String, _ b: String) -> Bool {
        func split(_ s: String) -> (String, Int) {
            let parts = s.split(separator: ".", maxSplits: 1)
            return (String(parts.first ?? ""), parts.count > 1 ? Int(parts[1]) ?? 0 : 1)
        }
        let (ca, na) = split(a)
        let (cb, nb) = split(b)
        return ca == cb ? na < nb : ca < cb
    }
}
