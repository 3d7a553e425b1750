public import YAMLFiles

/// The console's words (`templates/console/strings/<lang>.yml`) are read by the one YAML reader
/// (`YAMLNode`); its problems become `templates`, naming the file, the key and the line.
extension ConsoleError: YAMLFileProblem {
    /// The text is not YAML.
    public static func invalidYAML(file: String, line: Int?, column: Int?, problem: String) -> ConsoleError {
        let place = line.map { ", line \($0)" + (column.map { ", column \($0)" } ?? "") } ?? ""
        return .templates("\(file)\(place): \(problem); the file ships in templates/console/strings/")
    }

    /// A value at `key` is not a text.
    public static func invalidValue(file: String, key: String, line: Int?, problem: String) -> ConsoleError {
        .templates("\(file), \(key)" + (line.map { " (line \($0))" } ?? "") + ": " + problem)
    }
}
