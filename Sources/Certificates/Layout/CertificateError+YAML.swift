public import YAMLFiles

/// The template's YAML files are read by the one YAML reader (`YAMLNode`); its problems become
/// `invalidTemplate`, naming the file, the key and the line.
extension CertificateError: YAMLFileProblem {
    /// The text is not YAML.
    public static func invalidYAML(file: String, line: Int?, column: Int?, problem: String) -> CertificateError {
        let place = line.map { "line \($0)" + (column.map { ", column \($0)" } ?? "") + ": " } ?? ""
        return .invalidTemplate(path: file, detail: place + problem)
    }

    /// A value at `key` is missing or not what the template needs.
    public static func invalidValue(file: String, key: String, line: Int?, problem: String) -> CertificateError {
        .invalidTemplate(path: file, detail: "\(key)" + (line.map { " (line \($0))" } ?? "") + ": " + problem)
    }
}
