import Foundation

/// A start or end tag found by `HTMLScanner`: lowercased name and, for start tags, the
/// attributes that matter for tables.
struct HTMLTag {
    var name: String
    var isEnd: Bool
    var attributes: [String: String]

    func intAttribute(_ name: String) -> Int? {
        attributes[name].flatMap { Int($0.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber }) }
    }
}
