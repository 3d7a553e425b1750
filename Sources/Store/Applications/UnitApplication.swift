import Foundation

/// `applications/<cycle>/<unit-file>.json`: the current rows of one unit for one cycle.
struct UnitApplication: Codable, Equatable, Sendable {
    var unit: String
    var cycle: String
    var updatedAt: Date
    var rows: [StoredApplicationRow]

    enum CodingKeys: String, CodingKey {
        case unit, cycle, rows
        case updatedAt = "updated_at"
    }
}
