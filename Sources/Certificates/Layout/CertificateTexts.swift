public import Foundation

/// One language's words on the certificate: `templates/certificate/<lang>.yml`. `strings`
/// are the texts the layout places by key, with `{placeholders}`; `formats` and `groups` name
/// the delivery and the §5.3 competency group in that language.
public struct CertificateTexts: Sendable, Equatable, Decodable {
    /// Texts by layout key, with `{placeholders}`.
    public var strings: [String: String]
    /// The delivery (`offline`, `online`, `blended`) in this language.
    public var formats: [String: String]
    /// The §5.3 competency groups in this language, by group key.
    public var groups: [String: String]

    /// The placeholders a text may use.
    public static let placeholders = ["name", "course", "group", "hours", "start_date", "end_date", "format", "number",
                                      "code", "issue_date", "duplicate_date", "verify_url", "signatory"]

    /// Reads one language's file and checks that it has every text `layout` places and no unknown placeholder.
    public static func load(_ url: URL, layout: CertificateLayout) throws(CertificateError) -> CertificateTexts {
        let texts: CertificateTexts = try decodeYAML(url)
        for item in layout.texts where texts.strings[item.key] == nil {
            throw .invalidTemplate(path: url.path, detail: "strings: '\(item.key)' is missing (layout.yml places it)")
        }
        for (key, text) in texts.strings {
            for name in Self.names(in: text) where !placeholders.contains(name) {
                throw .invalidTemplate(path: url.path, detail: "strings.\(key): unknown placeholder {\(name)}; "
                    + "use " + placeholders.map { "{\($0)}" }.joined(separator: ", "))
            }
        }
        return texts
    }

    /// `text` with its placeholders replaced by `values`.
    static func fill(_ text: String, _ values: [String: String]) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            out += values[name] ?? ""
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    static func names(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

/// The template folder read once: the layout and the texts of every language.
public struct CertificateTemplate: Sendable, Equatable {
    /// The languages a certificate may be printed in.
    public static let languages = ["kk", "ru", "en"]
    /// The page layout (`layout.yml`).
    public var layout: CertificateLayout
    /// Each language's texts, by language code.
    public var texts: [String: CertificateTexts]

    /// Reads `<directory>/layout.yml` and `<directory>/{kk,ru,en}.yml` (usually `templates/certificate`).
    public static func load(directory: URL) throws(CertificateError) -> CertificateTemplate {
        let layout = try CertificateLayout.load(directory.appendingPathComponent("layout.yml"))
        var texts: [String: CertificateTexts] = [:]
        for language in languages {
            texts[language] = try CertificateTexts.load(directory.appendingPathComponent("\(language).yml"), layout: layout)
        }
        return CertificateTemplate(layout: layout, texts: texts)
    }
}
