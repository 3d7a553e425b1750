import Yams

/// A YAML node together with where it sits (file, key path, line), so that every complaint
/// about a configuration value names the key and the line to fix.
///
/// The configuration files are read through this rather than `Codable`, because Codable
/// cannot report unknown keys (a misspelt threshold would silently fall back to its default).
struct ConfigNode {
    let node: Node
    let file: String
    let path: String

    /// Parses `text`; an empty document is an empty mapping (every default applies).
    static func parse(_ text: String, file: String) throws(RegulationError) -> ConfigNode {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw .invalidConfiguration(file: file, key: "(document)", line: nil,
                                        problem: "not valid YAML: \(error)")
        }
        return ConfigNode(node: root ?? Node.mapping(Node.Mapping([])), file: file, path: "")
    }

    var line: Int? { node.mark?.line }

    func fail(_ problem: String) -> RegulationError {
        .invalidConfiguration(file: file, key: path.isEmpty ? "(top level)" : path, line: line, problem: problem)
    }

    var isNull: Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The mapping's entries in file order; rejects keys that are not in `allowed`.
    func mapping(allowed: Set<String>) throws(RegulationError) -> [(key: String, value: ConfigNode)] {
        guard case let .mapping(mapping) = node else {
            throw fail("expected a mapping (key: value lines), found \(kindName)")
        }
        var entries: [(key: String, value: ConfigNode)] = []
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.scalar?.string else { throw fail("a key is not plain text") }
            let child = ConfigNode(node: valueNode, file: file, path: path.isEmpty ? key : "\(path).\(key)")
            guard allowed.contains(key) else {
                throw child.fail("unknown key; the keys here are " + allowed.sorted().joined(separator: ", "))
            }
            entries.append((key, child))
        }
        return entries
    }

    /// Looks a key up in a mapping already checked with `mapping(allowed:)`; nil if absent or null.
    func child(_ key: String) -> ConfigNode? {
        guard case let .mapping(mapping) = node else { return nil }
        for (keyNode, valueNode) in mapping where keyNode.scalar?.string == key {
            let child = ConfigNode(node: valueNode, file: file, path: path.isEmpty ? key : "\(path).\(key)")
            return child.isNull ? nil : child
        }
        return nil
    }

    func sequence() throws(RegulationError) -> [ConfigNode] {
        if isNull { return [] }
        guard case let .sequence(sequence) = node else {
            throw fail("expected a list, found \(kindName)")
        }
        return sequence.enumerated().map { index, item in
            ConfigNode(node: item, file: file, path: "\(path)[\(index)]")
        }
    }

    func string() throws(RegulationError) -> String {
        guard case let .scalar(scalar) = node else { throw fail("expected a text value, found \(kindName)") }
        return scalar.string
    }

    func int(in range: ClosedRange<Int>) throws(RegulationError) -> Int {
        let text = try string().filter { $0 != "_" }
        guard let value = Int(text) else { throw fail("expected a whole number, found '\(text)'") }
        guard range.contains(value) else {
            throw fail("\(value) is out of range; allowed \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    func date() throws(RegulationError) -> CivilDate {
        let text = try string()
        guard let date = CivilDate(iso: text) else { throw fail("expected a date YYYY-MM-DD, found '\(text)'") }
        return date
    }

    /// A month and day (`MM-DD`), for dates that recur every year.
    func monthDay() throws(RegulationError) -> MonthDay {
        let text = try string()
        guard let value = MonthDay(text) else { throw fail("expected a month and day MM-DD, found '\(text)'") }
        return value
    }

    func oneOf<T: RawRepresentable>(_ type: T.Type) throws(RegulationError) -> T
    where T.RawValue == String, T: CaseIterable {
        let text = try string()
        guard let value = T(rawValue: text) else {
            throw fail("'\(text)' is not one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }

    private var kindName: String {
        switch node {
        case .scalar(let s): return "'\(s.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
