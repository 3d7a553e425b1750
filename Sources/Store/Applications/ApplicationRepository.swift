import CSV
import Digest
public import Foundation

/// The applications of every cycle: one JSON file per unit under `applications/<cycle>/`.
/// A resend replaces the unit's earlier rows for the cycle, and the rows it replaced are handed
/// back, so that the receipt can say what was added, removed or changed (Intake's `RowChanges`).
public struct ApplicationRepository: Sendable {
    /// `applications/` inside the store.
    public let directory: URL

    init(directory: URL) {
        self.directory = directory
    }

    /// Replaces the rows of `unit` for `cycle` with `rows` and returns the rows it replaced
    /// (nil: the unit had no application in the cycle).
    @discardableResult
    public func replace(unit: String, cycle: String, rows: [StoredApplicationRow], now: Date = Date()) throws -> [StoredApplicationRow]? {
        let folder = try cycleFolder(cycle)
        // A row filed under another unit or cycle than it names would be reported to the wrong head.
        if let stray = rows.first(where: { $0.unit != unit || $0.cycle != cycle }) {
            throw StoreError.invalidValue(
                what: "the application of \(unit) for \(cycle)",
                detail: "the row of \(stray.email) belongs to \(stray.unit), \(stray.cycle)")
        }
        try POSIX.makeDirectory(folder.path)
        let url = folder.appendingPathComponent(Self.fileName(unit: unit))
        let previous = try storedRows(at: url)
        let bytes: Data
        do {
            bytes = try UnitApplication(unit: unit, cycle: cycle, updatedAt: now, rows: rows).storeJSON()
                + Data("\n".utf8)
        } catch {
            throw StoreError.invalidValue(what: url.lastPathComponent, detail: "\(error)")
        }
        try AtomicFile.write(bytes, to: url, deferrable: true)
        UnitApplicationCache.shared.remember(path: url.path, bytes: bytes, rows: rows)
        return previous
    }

    /// The rows a unit's file holds now (nil without a file): from the cache when the file
    /// still holds what this process wrote, else decoded.
    private func storedRows(at url: URL) throws -> [StoredApplicationRow]? {
        guard let bytes = try POSIX.readIfExists(url) else { return nil }
        if let rows = UnitApplicationCache.shared.rows(path: url.path, bytes: bytes) { return rows }
        do {
            return try StoreJSON.decoder.decode(UnitApplication.self, from: bytes).rows
        } catch {
            throw StoreError.corrupt(path: url.path, detail: "not the expected JSON: \(error)")
        }
    }

    /// The current rows of one unit (empty when it has not applied).
    public func rows(unit: String, cycle: String) throws -> [StoredApplicationRow] {
        let url = try cycleFolder(cycle).appendingPathComponent(Self.fileName(unit: unit))
        return try storedRows(at: url) ?? []
    }

    /// Every current row of the cycle, by unit name then row number.
    public func all(cycle: String) throws -> [StoredApplicationRow] {
        let folder = try cycleFolder(cycle)
        // Every unit's file is written whole (a rename): an unchanged folder holds the same rows.
        return try StoreReadCache.shared.folderValue(folder.path, kind: "applications.all") {
            var units: [UnitApplication] = []
            for name in try StoreReadCache.shared.list(folder.path) where name.hasSuffix(".json") && !name.hasPrefix(".") {
                if let unit = try AtomicFile.readJSON(UnitApplication.self, from: folder.appendingPathComponent(name)) {
                    units.append(unit)
                }
            }
            return units.sorted { $0.unit < $1.unit }.flatMap(\.rows)
        }
    }

    /// The cycle as CSV for Excel: UTF-8 with BOM, the record keys as header, formulas neutralised.
    public func exportCSV(cycle: String) throws -> Data {
        let rows = try all(cycle: cycle)
        return Data(CSVWriter.text([StoredApplicationRow.keys] + rows.map(Self.csvFields), byteOrderMark: true, excelSafe: true).utf8)
    }

    /// The cycles that have applications, sorted.
    public func cycles() throws -> [String] {
        try POSIX.list(directory.path).filter { (try? Self.validatedCycle($0)) != nil }.sorted()
    }

    static func csvFields(_ row: StoredApplicationRow) -> [String] {
        let formatter = ISO8601DateFormatter()
        return [
            row.no.map(String.init) ?? "", row.school ?? "", row.fullName ?? "", row.trainingDirection ?? "",
            row.programme ?? "", row.lastCourse ?? "", row.lastCourseDate ?? "",
            row.lastCourseHours.map(String.init) ?? "", row.phone ?? "", row.email, row.unit, row.submittedBy,
            row.messageID, formatter.string(from: row.receivedAt), row.sourceFile ?? "", row.cycle,
            row.late ? "true" : "false",
        ]
    }

    private func cycleFolder(_ cycle: String) throws -> URL {
        directory.appendingPathComponent(try Self.validatedCycle(cycle))
    }

    /// A cycle is `YYYY-YYYY`; anything else could name a path outside the store.
    static func validatedCycle(_ cycle: String) throws -> String {
        let parts = cycle.split(separator: "-")
        guard parts.count == 2, parts.allSatisfy({ $0.count == 4 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            throw StoreError.invalidValue(what: "applications", detail: "the cycle \"\(cycle)\" is not an academic year like 2026-2027")
        }
        return cycle
    }

    /// A readable, safe file name for a unit: its letters and digits (Kazakh kept), dashes for
    /// the rest, and a short hash of the full name so that two units never share a file.
    static func fileName(unit: String) -> String {
        var slug = ""
        for scalar in unit.lowercased().unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        // Keep well under NAME_MAX (255 bytes) even for long Cyrillic names (2 bytes a letter).
        while slug.utf8.count > 120 { slug.removeLast() }
        let hash = SHA256.hexDigest(Data(unit.utf8)).prefix(8)
        return (slug.isEmpty ? "unit" : slug) + "-" + hash + ".json"
    }
}
