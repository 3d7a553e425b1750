import Foundation

/// Checks and converts raw values. Each parser accepts exactly what its key documents.
enum ValueParser {
    /// A single non-empty value.
    static func text(_ value: ConfigValue) throws(ValueError) -> String {
        switch value {
        case let .text(text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { throw .expected("a value", got: value) }
            guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw .expected("a value without control characters", got: value)
            }
            return trimmed
        case .list:
            throw .expected("a single value", got: value)
        case .null:
            throw .expected("a value", got: value)
        }
    }

    /// A value that may be left empty (`~`, `null`, `""`) to mean "not set".
    static func optionalText(_ value: ConfigValue) throws(ValueError) -> String? {
        switch value {
        case .null: return nil
        case let .text(text) where text.trimmingCharacters(in: .whitespaces).isEmpty: return nil
        default: return try text(value)
        }
    }

    /// A URL with one of the given schemes and a host, e.g. `imaps://127.0.0.1:10993`.
    static func url(_ value: ConfigValue, schemes: [String]) throws(ValueError) -> URL {
        let expectation = schemes.map { "\($0)://host:port" }.joined(separator: " or ") + " URL"
        guard let string = try? text(value),
              let url = URL(string: string),
              let scheme = url.scheme?.lowercased(), schemes.contains(scheme),
              let host = url.host, !host.isEmpty
        else { throw .expected("an " + expectation, got: value) }
        guard url.user == nil, url.password == nil else {
            throw ValueError("a URL must not hold a user or password; use the user and password_env/password_file keys")
        }
        return url
    }

    /// An e-mail address, stored in lower case (addresses are compared that way everywhere).
    static func emailAddress(_ value: ConfigValue) throws(ValueError) -> String {
        let address = try text(value).lowercased()
        guard isPlausibleAddress(address) else { throw .expected("an e-mail address", got: value) }
        return address
    }

    /// One or more addresses: a YAML list, or one text with commas (as environment
    /// variables give them).
    static func emailAddresses(_ value: ConfigValue, allowingNone: Bool = false) throws(ValueError) -> [String] {
        let items: [String]
        switch value {
        case let .text(text): items = text.split(separator: ",").map { String($0) }
        case let .list(list): items = list
        case .null: items = []
        }
        var addresses: [String] = []
        for item in items {
            let address = item.trimmingCharacters(in: .whitespaces).lowercased()
            guard isPlausibleAddress(address) else {
                throw .expected("e-mail addresses", got: .text(item))
            }
            if !addresses.contains(address) { addresses.append(address) }
        }
        guard !addresses.isEmpty || allowingNone else { throw .expected("at least one e-mail address", got: value) }
        return addresses
    }

    /// nil for an empty value (`~`, `""`), else what `parse` makes of it.
    static func optional<T>(_ value: ConfigValue, _ parse: (ConfigValue) throws(ValueError) -> T) throws(ValueError) -> T? {
        try optionalText(value) == nil ? nil : parse(value)
    }

    /// One of an enumeration's raw values (lower case), e.g. `password` or `oauth2`.
    static func choice<Choice: RawRepresentable & CaseIterable>(_ value: ConfigValue, of _: Choice.Type) throws(ValueError) -> Choice
    where Choice.RawValue == String {
        let names = Choice.allCases.map(\.rawValue)
        guard let text = try? text(value), let choice = Choice(rawValue: text.lowercased()) else {
            throw .expected("one of " + names.joined(separator: ", "), got: value)
        }
        return choice
    }

    static func language(_ value: ConfigValue) throws(ValueError) -> CPDBotConfiguration.Language {
        guard let text = try? text(value), let language = CPDBotConfiguration.Language(rawValue: text.lowercased())
        else { throw .expected("one of kk, ru, en", got: value) }
        return language
    }

    /// An IANA time zone name such as `Asia/Almaty`, as Foundation's time zone data knows it.
    static func timeZone(_ value: ConfigValue) throws(ValueError) -> TimeZone {
        guard let name = try? text(value), name.contains("/") || name == "UTC", let zone = TimeZone(identifier: name) else {
            throw .expected("an IANA time zone name such as Asia/Almaty (Kazakhstan: Asia/Almaty, UTC+5 since 1 March 2024)", got: value)
        }
        return zone
    }

    /// `auto`, `yes` or `no` (YAML's true/false read as yes/no).
    static func serverSavesSent(_ value: ConfigValue) throws(ValueError) -> CPDBotConfiguration.SMTP.ServerSavesSent {
        switch (try? text(value))?.lowercased() {
        case "auto": return .auto
        case "yes", "true", "on": return .yes
        case "no", "false", "off": return .no
        default: throw .expected("one of auto, yes, no", got: value)
        }
    }

    /// A folder name: not empty, one line, no `*` or `%` (LIST wildcards).
    static func folderName(_ value: ConfigValue) throws(ValueError) -> String {
        let name = try text(value)
        guard !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "*" || $0 == "%" || $0.value == 0x7F }) else {
            throw .expected("an IMAP folder name without control characters, * or %", got: value)
        }
        return name
    }

    /// Languages as a YAML list or one text with commas (`kk, ru`), without repeats; empty is allowed.
    static func languages(_ value: ConfigValue, atMost maximum: Int) throws(ValueError) -> [CPDBotConfiguration.Language] {
        let items: [String]
        switch value {
        case let .text(text): items = text.split(separator: ",").map { String($0) }
        case let .list(list): items = list
        case .null: items = []
        }
        var languages: [CPDBotConfiguration.Language] = []
        for item in items {
            let name = item.trimmingCharacters(in: .whitespaces).lowercased()
            guard let language = CPDBotConfiguration.Language(rawValue: name) else {
                throw .expected("languages among kk, ru, en", got: .text(item))
            }
            if !languages.contains(language) { languages.append(language) }
        }
        guard languages.count <= maximum else { throw .expected("at most \(maximum) languages", got: value) }
        return languages
    }

    /// An http(s) address with `{number}` where the certificate's number goes.
    static func verifyURL(_ value: ConfigValue) throws(ValueError) -> String {
        let text = try text(value)
        guard text.hasPrefix("https://") || text.hasPrefix("http://"), text.contains("{number}"),
              !text.contains(where: { $0 == " " || $0.isNewline }) else {
            throw .expected("an http(s) address with {number} in it (https://hr.kazguu.kz/verify/{number})", got: value)
        }
        return text
    }

    /// A whole number in a range; `unit` words the message ("a whole number of seconds").
    static func wholeNumber(_ value: ConfigValue, of unit: String, in range: ClosedRange<Int>) throws(ValueError) -> Int {
        guard let text = try? text(value), let number = Int(text.replacingOccurrences(of: "_", with: "")) else {
            throw .expected("a whole number of \(unit)", got: value)
        }
        guard range.contains(number) else {
            throw ValueError("expected a whole number of \(unit) from \(range.lowerBound) to \(range.upperBound), got \(number)")
        }
        return number
    }

    /// A size in bytes: `26214400`, `25 MiB`, `512KiB`, `10 MB` (MB = 10^6; MiB = 2^20).
    static func byteSize(_ value: ConfigValue, in range: ClosedRange<Int>) throws(ValueError) -> Int {
        let expectation = "a size in bytes such as 26214400 or \"25 MiB\""
        guard let text = try? text(value) else { throw .expected(expectation, got: value) }
        let digits = text.prefix { $0.isASCII && ($0.isNumber || $0 == "_") }
        let unit = text.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).lowercased()
        let multipliers: [String: Int] = [
            "": 1, "b": 1, "kb": 1_000, "mb": 1_000_000, "gb": 1_000_000_000,
            "kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30,
        ]
        guard let count = Int(digits.replacingOccurrences(of: "_", with: "")), let multiplier = multipliers[unit] else {
            throw .expected(expectation, got: value)
        }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: multiplier)
        guard !overflow, range.contains(bytes) else {
            throw ValueError("expected a size from \(range.lowerBound) to \(range.upperBound) bytes, got \(value.quoted)")
        }
        return bytes
    }

    static func boolean(_ value: ConfigValue) throws(ValueError) -> Bool {
        switch (try? text(value))?.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: throw .expected("true or false", got: value)
        }
    }

    /// The name of an environment variable (letters, digits, underscores).
    static func environmentVariableName(_ value: ConfigValue) throws(ValueError) -> String {
        let name = try text(value)
        let valid = name.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        guard valid, let first = name.unicodeScalars.first, !("0"..."9").contains(first) else {
            throw .expected("the name of an environment variable such as CPDBOT_IMAP_PASSWORD", got: value)
        }
        return name
    }

    /// Deliberately loose: one `@`, something on both sides, a dot in the domain.
    /// The servers decide what is deliverable; this catches typos and pasted names.
    private static func isPlausibleAddress(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix(".")
        else { return false }
        return !address.contains { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" }
    }
}
