import Documents
import Foundation
import Regulation
import Store

/// The Plans DSHR sent, one folder per slot under `<store>/plans/`: `plan.json` (state and
/// dates) and the file as sent. Writes are atomic; the folder is private (0700) like the rest
/// of the store.
public struct PlanStore: Sendable {
    public let directory: URL
    var documentLimits = DocumentLimits()

    public init(store: FileStore) {
        directory = store.root.appendingPathComponent("plans", isDirectory: true)
    }

    /// Every stored Plan, in slot order (a cycle's first Plan before its supplements).
    public func all() throws -> [StoredPlan] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return try names.filter { !$0.hasPrefix(".") }.sorted(by: Self.slotOrder).compactMap { name in
            try AtomicFile.readJSON(StoredPlan.self, from: metadataURL(name))
        }
    }

    public func plans(cycle: String) throws -> [StoredPlan] {
        try all().filter { $0.cycle == cycle }
    }

    /// The Plan whose preview has this Message-ID (with or without angle brackets).
    func plan(previewMessageID id: String) throws -> StoredPlan? {
        let wanted = Self.bare(id)
        return try all().first { Self.bare($0.previewMessageID) == wanted }
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
        let folder = directory.appendingPathComponent(plan.slot, isDirectory: true)
        for path in [directory, folder] {
            try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        if let file { try AtomicFile.write(file, to: folder.appendingPathComponent(plan.storedFile)) }
        try AtomicFile.writeJSON(plan, to: metadataURL(plan.slot))
    }

    /// The Plan read again from the stored file.
    public func reading(of plan: StoredPlan) throws(CycleError) -> PlanReading {
        let url = directory.appendingPathComponent(plan.slot).appendingPathComponent(plan.storedFile)
        guard let data = try? Data(contentsOf: url) else {
            throw .storedPlanUnreadable(path: url.path, detail: "the file is missing")
        }
        do {
            let document = try DocumentReader.read(bytes: [UInt8](data), fileName: plan.fileName, limits: documentLimits)
            return try PlanTableReader().read(document)
        } catch let error as RegulationError {
            throw .storedPlanUnreadable(path: url.path, detail: error.description)
        } catch {
            throw .storedPlanUnreadable(path: url.path, detail: "\(error)")
        }
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

    private func metadataURL(_ slot: String) -> URL {
        directory.appendingPathComponent(slot).appendingPathComponent("plan.json")
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
