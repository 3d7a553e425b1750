import Yams
import YAMLFiles

/// Reads the configuration file's YAML into flat settings (`imap.url` → value), keeping each
/// value's line for messages. It knows the file's shape (sections of keys, plus top-level
/// keys), not the keys themselves: the loader checks those against the schema. Parsing and
/// positions are `YAMLNode`'s, the same as for the Regulation's files.
struct YAMLSettingsReader {
    var path: String

    struct Result {
        var settings: [Setting] = []
        var issues: [ConfigurationIssue] = []
    }

    func read(_ text: String) throws(ConfigurationError) -> Result {
        let root = try YAMLNode<ConfigurationError>.parse(text, file: path)
        var result = Result()
        guard case let .mapping(mapping) = root.node else {
            result.issues.append(ConfigurationIssue(
                key: "(top level)", problem: "expected a mapping of sections (imap:, smtp:, …)", origin: root.origin))
            return result
        }
        for (keyNode, valueNode) in mapping {
            let name = keyNode.string ?? "\(keyNode)"
            if case let .mapping(section) = valueNode {
                for (innerKey, innerValue) in section {
                    append(key: name + "." + (innerKey.string ?? "\(innerKey)"), node: root.descendant(name, node: innerValue), to: &result)
                }
            } else {
                append(key: name, node: root.descendant(name, node: valueNode), to: &result)
            }
        }
        return result
    }

    private func append(key: String, node: YAMLNode<ConfigurationError>, to result: inout Result) {
        switch value(of: node.node) {
        case let .success(value):
            result.settings.append(Setting(key: key, value: value, origin: node.origin))
        case let .failure(error):
            result.issues.append(ConfigurationIssue(key: key, problem: error.problem, origin: node.origin))
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
}
