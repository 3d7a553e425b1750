/// A reply could not be rendered. Messages name the template file and say what to do.
public enum ReplyTemplateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The template file does not exist.
    case missingTemplate(path: String)
    /// The template file exists but is not valid Mustache.
    case invalidTemplate(path: String, detail: String)
    /// The strings file of a language is missing or not the expected JSON.
    case invalidStrings(path: String, detail: String)

    /// Which template or strings file is wrong, and how.
    public var description: String {
        switch self {
        case let .missingTemplate(path):
            return "reply template \(path) is missing; restore it from the repository's templates/ folder"
        case let .invalidTemplate(path, detail):
            return "reply template \(path) is not valid Mustache (\(detail)); fix the template"
        case let .invalidStrings(path, detail):
            return "reply strings \(path) cannot be read (\(detail)); restore it from the repository's templates/ folder"
        }
    }
}
