public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The certificate registry: `<store>/certificates/registry.json` (0600), every certificate
/// issued by number, and the verification codes' key, `<store>/certificates/secret.key`,
/// unless the configuration names its own file. A batch of certificates is written in one
/// atomic write, so 2,000 certificates cost one rewrite, not 2,000.
public struct CertificateBook: Sendable {
    /// `certificates/` inside the store.
    public let directory: URL
    /// Keys shorter than this are refused: HMAC's strength is the key's.
    public static let minimumSecretBytes = 16

    /// A book in `directory`; the file is read on each call, so several processes see one registry.
    public init(directory: URL) {
        self.directory = directory
    }

    var registryURL: URL { directory.appendingPathComponent("registry.json") }
    var ownSecretURL: URL { directory.appendingPathComponent("secret.key") }

    struct Registry: Codable {
        var certificates: [String: IssuedCertificate] = [:]
    }

    /// The certificate with this registry number, nil when none was issued.
    public func certificate(number: String) throws -> IssuedCertificate? {
        try load().certificates[number]
    }

    /// Every certificate issued, by number.
    public func all() throws -> [IssuedCertificate] {
        try load().certificates.values.sorted { $0.number < $1.number }
    }

    /// Adds or replaces these certificates (by number) in one write.
    public func record(_ certificates: [IssuedCertificate]) throws {
        guard !certificates.isEmpty else { return }
        var registry = try load()
        for certificate in certificates { registry.certificates[certificate.number] = certificate }
        try makeDirectory()
        try AtomicFile.writeJSON(registry, to: registryURL)
    }

    /// The HMAC key: `file` when the configuration names one (it must exist, be 0600 or
    /// stricter and hold at least 16 bytes), else the store's own, made from the system's
    /// random source at first use.
    public func secret(file: String?) throws -> [UInt8] {
        if let file {
            var info = stat()
            guard stat(file, &info) == 0 else { throw StoreError.io(operation: "read the certificate secret", path: file, errno: errno) }
            guard info.st_mode & 0o077 == 0 else {
                throw StoreError.invalidValue(what: "the certificate secret \(file)",
                                              detail: "group or others can read it; run chmod 600 \(file)")
            }
            return try readSecret(URL(fileURLWithPath: file))
        }
        if try POSIX.readIfExists(ownSecretURL) == nil {
            try makeDirectory()
            var generator = SystemRandomNumberGenerator()
            let key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
            try AtomicFile.write(Data(key), to: ownSecretURL)
        }
        return try readSecret(ownSecretURL)
    }

    private func readSecret(_ url: URL) throws -> [UInt8] {
        guard let data = try POSIX.readIfExists(url) else {
            throw StoreError.notFound(what: "the certificate secret (certificates.secret_file)", path: url.path)
        }
        guard data.count >= Self.minimumSecretBytes else {
            throw StoreError.invalidValue(what: "the certificate secret \(url.path)",
                                          detail: "it holds \(data.count) bytes; give it at least \(Self.minimumSecretBytes) random bytes "
                                              + "(head -c 32 /dev/urandom > FILE; chmod 600 FILE)")
        }
        return [UInt8](data)
    }

    private func load() throws -> Registry {
        try AtomicFile.readJSON(Registry.self, from: registryURL) ?? Registry()
    }

    private func makeDirectory() throws {
        try POSIX.makeDirectory(directory.path)
        try POSIX.restrictDirectory(directory.path)
    }
}
