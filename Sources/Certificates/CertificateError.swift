/// What can go wrong making or checking a certificate. Messages name the file, the key or the
/// value and say what to do.
public enum CertificateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A layout or texts file under `templates/certificate/` that is missing or does not read.
    case invalidTemplate(path: String, detail: String)
    /// A PNG the configuration names (`certificates.signature_image` …) that cannot be used.
    case invalidImage(key: String, path: String, detail: String)
    /// Cairo, Pango or libqrencode refused.
    case rendering(String)

    /// What failed, with the file or configuration key to fix.
    public var description: String {
        switch self {
        case let .invalidTemplate(path, detail): return "\(path): \(detail)"
        case let .invalidImage(key, path, detail):
            return "\(key): \(path): \(detail) (give a PNG file; see config/cpdbot.example.yml)"
        case let .rendering(detail): return "could not draw the certificate: \(detail)"
        }
    }
}
