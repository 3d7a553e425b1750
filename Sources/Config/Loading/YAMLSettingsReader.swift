import Yams

/// Reads the configuration file's YAML into flat settings (`imap.url` → value), keeping each
/// value's line for messages. It knows the file's shape (sections of keys, plus top-level
/// keys), not the keys themselves: the loader checks those against the schema.
struct YAMLSettingsReader {
    var path: String

    struct Result {
        var settings: [Setting] = []
        var issues: [ConfigurationIssue] = []
    }

    func read(_ text: String) throws(ConfigurationError) -> Result {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.describe(error, path: path)
        } catch {
            throw .invalidYAML(path: path, line: nil, column: nil, problem: "\(error)")
        }
        var result = Result()
        guard let root else { return result } // an empty file: defaults apply
        guard case let .mapping(mapping) = root else {
            result.issues.append(ConfigurationIssue(
                key: "(top level)", problem: "expected a mapping of sections (imap:, smtp:, …)", origin: origin(root)))
            return result
        }
        for (keyNode, valueNode) in mapping {
            let name = keyNode.string ?? "\(keyNode)"
            if case let .mapping(section) = valueNode {
                for (innerKey, innerValue) in section {
                    append(key: name + "." + (innerKey.string ?? "\(innerKey)"), node: innerValue, to: &result)
                }
            } else {
                append(key: name, node: valueNode, to: &result)
            }
        }
        return result
    }

    private func append(key: String, node: Node, to result: inout Result) {
        switch value(of: node) {
        case let .success(value):
            result.settings.append(Setting(key: key, value: value, origin: origin(node)))
        case let .failure(error):
            result.issues.append(ConfigurationIssue(key: key, problem: error.problem, origin: origin(node)))
        }
    }

    private func value(of node: Node) -> Swift.Result<ConfigValue, ValueError> {
        switch node {
        case let .scalar(scalar):
            // A plain `~`, `null` or nothing is "not set"; a quoted "null" is the text null.
            if scalar.style == .plain, node.null != nil { return .success(.null) }
            return .success(.text(scalar.string))
        case let .sequence(sequence):
            var items: [String] = []
            for item in sequence {
                guard case let .scalar(scalar) = item else {
                    return .failure(ValueError("expected a list of plain values, got a nested list or mapping"))
                }
                items.append(scalar.string)
            }
            return .success(.list(items))
        case .mapping:
            return .failure(ValueError("expected a value, got a mapping (sections hold keys, keys hold values)"))
        case .alias:
            return .failure(ValueError("YAML aliases are not supported here; write the value out"))
        }
    }

    private func origin(_ node: Node) -> String {
        node.mark.map { "\(path), line \($0.line)" } ?? path
    }

    static func describe(_ error: YamlError, path: String) -> ConfigurationError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return .invalidYAML(path: path, line: mark.line, column: mark.column, problem: problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            return .invalidYAML(path: path, line: context.mark.line, column: context.mark.column,
                                problem: "a key is given twice: " + duplicates.joined(separator: ", "))
        case let .reader(problem, _, _, _):
            return .invalidYAML(path: path, line: nil, column: nil, problem: problem)
        default:
            return .invalidYAML(path: path, line: nil, column: nil, problem: "\(error)")
        }
    }
}
