import Foundation
@testable import Config

/// The defaults with some values changed: the expected side of a table row.
func defaults(_ change: (inout CPDBotConfiguration) -> Void = { _ in }) -> CPDBotConfiguration {
    var configuration = CPDBotConfiguration()
    change(&configuration)
    return configuration
}

/// Loads YAML text with a fixed environment, as the loader would read a file.
func load(_ yaml: String, environment: [String: String] = [:], file: String = "cpdbot.yml") throws(ConfigurationError) -> LoadedConfiguration {
    try ConfigurationLoader(environment: environment).load(yaml: yaml, file: file)
}

/// The issues a load reports; fails the calling test when it unexpectedly succeeds.
func issues(_ yaml: String, environment: [String: String] = [:]) -> [String] {
    do {
        _ = try load(yaml, environment: environment)
        return []
    } catch {
        guard case let .invalidKeys(found) = error else { return ["unexpected error: \(error)"] }
        return found.map(\.description)
    }
}

/// A fresh folder for files a test writes; removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-config-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes `text` to `name` in `directory` with the given permissions.
func writeFile(_ text: String, named name: String, in directory: URL, mode: Int) throws -> String {
    let path = directory.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    return path
}

/// The repository root, found from this file's place in Tests/ConfigTests.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
