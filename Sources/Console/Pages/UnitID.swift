import Foundation

/// A unit's name in a URL: the first 16 hex digits of its SHA-256, so that Kazakh names,
/// spaces and slashes never reach a path, and the address does not spell the unit.
enum UnitID {
    static func of(_ unit: String) -> String { String(ConsoleSecrets.sha256(unit).prefix(16)) }
}
