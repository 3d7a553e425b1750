public import Yams

/// A module's own error, made from a problem found in one of cpdbot's YAML files. `YAMLNode`
/// reports through it, so each module keeps one error type while all YAML is read one way.
public protocol YAMLFileProblem: Error {
    /// The text is not YAML at all; `line` and `column` are Yams's (1-based) when it knows them.
    static func invalidYAML(file: String, line: Int?, column: Int?, problem: String) -> Self
    /// The YAML is fine but the value at `key` (a dotted path such as `cycle.reminder_days[2]`) is not.
    static func invalidValue(file: String, key: String, line: Int?, problem: String) -> Self
}

/// The one reader of cpdbot's YAML files (`cpdbot.yml`, `policy.yml`, `holidays-kz.yml`): a
/// Yams node together with where it sits (file, key path, line), so that every complaint
/// names the file, the key and the line to fix.
///
/// The files are read through this rather than `Codable`, because Codable cannot report
/// unknown keys (a misspelt threshold would silently fall back to its default).
public struct YAMLNode<Failure: YAMLFileProblem> {
    /// The Yams node itself; kept public so a module can read a shape this type has no accessor for.
    public let node: Node
    /// The file's name as errors show it.
    public let file: String
    /// The dotted key path from the document's root; empty for the root.
    public let path: String

    /// A node at `path` in `file`; `parse(_:file:)` makes the root, `descendant(_:node:)` the rest.
    public init(node: Node, file: String, path: String) {
        self.node = node
        self.file = file
        self.path = path
    }

    /// Parses `text`; an empty document is an empty mapping (every default applies).
    public static func parse(_ text: String, file: String) throws(Failure) -> YAMLNode {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let (line, column, problem) = describe(error)
            throw Failure.invalidYAML(file: file, line: line, column: column, problem: problem)
        } catch {
            throw Failure.invalidYAML(file: file, line: nil, column: nil, problem: "\(error)")
        }
        return YAMLNode(node: root ?? Node.mapping(Node.Mapping([])), file: file, path: "")
    }

    /// The node's line in the file (1-based), when Yams recorded it.
    public var line: Int? { node.mark?.line }

    /// `file, line N`, as the configuration's messages say where a value came from.
    public var origin: String { line.map { "\(file), line \($0)" } ?? file }

    /// The error for a bad value here.
    public func fail(_ problem: String) -> Failure {
        Failure.invalidValue(file: file, key: path.isEmpty ? "(top level)" : path, line: line, problem: problem)
    }

    /// A plain `~`, `null` or nothing; a quoted "null" is the text null.
    public var isNull: Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The node at `key` below this one.
    public func descendant(_ key: String, node: Node) -> YAMLNode {
        YAMLNode(node: node, file: file, path: path.isEmpty ? key : "\(path).\(key)")
    }

    /// The mapping's entries in file order, whatever their keys.
    public func entries() throws(Failure) -> [(key: String, value: YAMLNode)] {
        guard case let .mapping(mapping) = node else {
            throw fail("expected a mapping (key: value lines), found \(kindName)")
        }
        var entries: [(key: String, value: YAMLNode)] = []
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.scalar?.string else { throw fail("a key is not plain text") }
            entries.append((key, descendant(key, node: valueNode)))
        }
        return entries
    }

    /// The mapping's entries in file order; rejects keys that are not in `allowed`.
    public func mapping(allowed: Set<String>) throws(Failure) -> [(key: String, value: YAMLNode)] {
        let entries = try entries()
        for entry in entries where !allowed.contains(entry.key) {
            throw entry.value.fail("unknown key; the keys here are " + allowed.sorted().joined(separator: ", "))
        }
        return entries
    }

    /// Looks a key up in a mapping already checked with `mapping(allowed:)`; nil if absent or null.
    public func child(_ key: String) -> YAMLNode? {
        guard case let .mapping(mapping) = node else { return nil }
        for (keyNode, valueNode) in mapping where keyNode.scalar?.string == key {
            let child = descendant(key, node: valueNode)
            return child.isNull ? nil : child
        }
        return nil
    }

    /// The list's items, each with its index in the path (`key[2]`); a null is an empty list.
    public func sequence() throws(Failure) -> [YAMLNode] {
        if isNull { return [] }
        guard case let .sequence(sequence) = node else {
            throw fail("expected a list, found \(kindName)")
        }
        return sequence.enumerated().map { index, item in
            YAMLNode(node: item, file: file, path: "\(path)[\(index)]")
        }
    }

    /// The scalar's text (unquoted); any scalar is accepted, a mapping or list is an error.
    public func string() throws(Failure) -> String {
        guard case let .scalar(scalar) = node else { throw fail("expected a text value, found \(kindName)") }
        return scalar.string
    }

    /// A whole number within `range`; `_` separators (`10_000`) are allowed as in YAML 1.1.
    public func int(in range: ClosedRange<Int>) throws(Failure) -> Int {
        let text = try string().filter { $0 != "_" }
        guard let value = Int(text) else { throw fail("expected a whole number, found '\(text)'") }
        guard range.contains(value) else {
            throw fail("\(value) is out of range; allowed \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    /// The enum case whose raw value is the text; the error lists every allowed value.
    public func oneOf<T: RawRepresentable>(_ type: T.Type) throws(Failure) -> T
    where T.RawValue == String, T: CaseIterable {
        let text = try string()
        guard let value = T(rawValue: text) else {
            throw fail("'\(text)' is not one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }

    /// "a mapping", "a list", or the scalar quoted: what was found where something else was expected.
    public var kindName: String {
        switch node {
        case .scalar(let s): return "'\(s.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// Line, column and wording of a Yams error.
    static func describe(_ error: YamlError) -> (line: Int?, column: Int?, problem: String) {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return (mark.line, mark.column, problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark.line, context.mark.column, "a key is given twice: " + duplicates.joined(separator: ", "))
        case let .reader(problem, _, _, _):
            return (nil, nil, problem)
        default:
            return (nil, nil, "\(error)")
        }
    }
}
