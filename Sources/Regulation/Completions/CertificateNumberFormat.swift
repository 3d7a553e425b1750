/// A certificate number format such as `CPD-{year}-{seq:5}` (§7.16: certificates state the hours
/// and are numbered). `{seq}` is required because it is what makes numbers unique.
public struct CertificateNumberFormat: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        case literal(String)
        case year, course
        case sequence(width: Int)
    }

    let parts: [Part]

    /// Parses a format such as `CPD-{year}-{seq:5}`; throws on an unknown placeholder or a missing `{seq}`.
    public init(_ format: String) throws(RegulationError) {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(format)
        while let char = rest.first {
            rest = rest.dropFirst()
            if char == "}" { throw .invalidArgument("'}' without '{' in the certificate number format '\(format)'") }
            guard char == "{" else { literal.append(char); continue }
            guard let close = rest.firstIndex(of: "}") else {
                throw .invalidArgument("'{' without '}' in the certificate number format '\(format)'")
            }
            let name = String(rest[..<close])
            rest = rest[rest.index(after: close)...]
            if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
            switch name {
            case "year": parts.append(.year)
            case "course": parts.append(.course)
            case "seq": parts.append(.sequence(width: 1))
            default:
                guard name.hasPrefix("seq:"), let width = Int.asciiDigits(name.dropFirst(4)), (1...12).contains(width) else {
                    throw .invalidArgument("unknown placeholder {\(name)} in the certificate number format; "
                        + "use {year}, {course}, {seq} or {seq:N} (N = 1…12 digits)")
                }
                parts.append(.sequence(width: width))
            }
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        guard parts.contains(where: { if case .sequence = $0 { return true } else { return false } }) else {
            throw .invalidArgument("the certificate number format '\(format)' has no {seq}, so numbers would repeat")
        }
        self.parts = parts
    }

    /// The number for the `sequence`-th certificate of `year` for `courseID`.
    public func number(sequence: Int, year: Int, courseID: String) -> String {
        parts.map { part in
            switch part {
            case .literal(let text): return text
            case .year: return String(year)
            case .course: return courseID
            case .sequence(let width):
                let digits = String(sequence)
                return String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
        }.joined()
    }
}
