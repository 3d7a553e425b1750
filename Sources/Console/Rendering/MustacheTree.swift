import Mustache

/// A page's values as dictionaries before rendering. Mustache finds a struct's field with a
/// `Mirror` per lookup, walking every field each time, and a `{{t.…}}` inside a list asks every
/// row before the page's words: at 10,000 people two thirds of a page's time went there. A
/// dictionary (`MustacheParent`) answers at once; each struct is reflected once here instead.
enum MustacheTree {
    /// `value` with every struct in it (in arrays, dictionaries and optionals too) made a
    /// `[String: Any]` of its stored properties; nil optionals are left out, as Mustache treats
    /// them as missing. Anything else (strings, numbers, enums, classes, closures) stays as it is.
    static func of(_ value: Any) -> Any? {
        if value is String || value is Int || value is Bool || value is [String: String] {
            return value
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { of($0.value) }
        case .struct:
            guard !(value is any CustomStringConvertible || value is any MustacheParent || value is any MustacheCustomRenderable || value is any MustacheTransformable
                    || value is MustacheLambda) else { return value }
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let field = of(child.value) { fields[label] = field }
            }
            return fields
        case .collection:
            guard let array = value as? [Any] else { return value }
            return array.map { of($0) ?? $0 }
        case .dictionary:
            guard let dictionary = value as? [String: Any] else { return value }
            return dictionary.compactMapValues { of($0) }
        default:
            return value
        }
    }
}
