import Foundation

extension ConfigurationKey {
    /// `console.*` (issue 17), kept apart from the main table so that the console's keys read together.
    static let consoleKeys: [ConfigurationKey] = [
        ConfigurationKey("console.listen") { $0.console.listen = try ValueParser.listenAddress($1) },
        ConfigurationKey("console.public_url") {
            $0.console.publicURL = try ValueParser.url($1, schemes: ["http", "https"]).absoluteString
                .trimmingSuffix("/")
        },
        ConfigurationKey("console.link_valid_minutes") {
            $0.console.linkValidMinutes = try ValueParser.wholeNumber($1, of: "minutes", in: 1...60)
        },
        ConfigurationKey("console.session_idle_minutes") {
            $0.console.sessionIdleMinutes = try ValueParser.wholeNumber($1, of: "minutes", in: 1...1_440)
        },
        ConfigurationKey("console.session_absolute_hours") {
            $0.console.sessionAbsoluteHours = try ValueParser.wholeNumber($1, of: "hours", in: 1...168)
        },
        ConfigurationKey("console.sign_in_per_address_per_hour") {
            $0.console.signInPerAddressPerHour = try ValueParser.wholeNumber($1, of: "links", in: 1...100)
        },
        ConfigurationKey("console.sign_in_per_client_per_hour") {
            $0.console.signInPerClientPerHour = try ValueParser.wholeNumber($1, of: "requests", in: 1...10_000)
        },
        ConfigurationKey("console.write_wait_seconds") {
            $0.console.writeWaitSeconds = try ValueParser.wholeNumber($1, of: "seconds", in: 1...600)
        },
        ConfigurationKey("console.nice") { $0.console.nice = try ValueParser.wholeNumber($1, of: "nice value", in: 0...19) },
        ConfigurationKey("console.workers") {
            $0.console.workers = try ValueParser.wholeNumber($1, of: "threads", in: 1...64)
        },
        ConfigurationKey("console.stale_page_ms") {
            $0.console.stalePageMilliseconds = try ValueParser.wholeNumber($1, of: "milliseconds", in: 0...60_000)
        },
        ConfigurationKey("console.max_requests_per_second") {
            $0.console.maxRequestsPerSecond = try ValueParser.wholeNumber($1, of: "requests a second", in: 0...1_000_000)
        },
        ConfigurationKey("console.max_request_wait_ms") {
            $0.console.maxRequestWaitMilliseconds = try ValueParser.wholeNumber($1, of: "milliseconds", in: 0...60_000)
        },
    ]
}

extension ValueParser {
    /// `HOST:PORT` (`127.0.0.1:8080`, `[::1]:8080`); empty or `off`: no console.
    static func listenAddress(_ value: ConfigValue) throws(ValueError) -> CPDBotConfiguration.Console.Listen? {
        let expectation = "HOST:PORT such as 127.0.0.1:8080, or empty for no console"
        let given: String?
        do { given = try optionalText(value) } catch { throw .expected(expectation, got: value) }
        guard let text = given, !text.isEmpty, text.lowercased() != "off" else { return nil }
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (1...65_535).contains(port) else { throw .expected(expectation, got: value) }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, !host.contains(where: \.isWhitespace) else { throw .expected(expectation, got: value) }
        return .init(host: host, port: port)
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        var text = self
        while text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        return text
    }
}
