extension CPDBotConfiguration {
    /// The certificates the bot issues (`certificates.*`, §7.16). The defaults are the sample
    /// images in `Tests/Fixtures/certificate/` (drawn for the project, marked "ҮЛГІ / SAMPLE"),
    /// so a fresh checkout produces whole certificates; an installation names DSHR's own files.
    public struct Certificates: Sendable, Equatable {
        /// The head's signature, a PNG (transparent background).
        public var signatureImage: String
        /// The university's colour stamp, a PNG.
        public var stampImage: String
        /// The university's logo, a PNG.
        public var logoImage: String
        /// Who signs: the head of the university's name as printed.
        public var signatory: String
        /// The verification address the QR code carries; `{number}` becomes the certificate's number.
        public var verifyURL: String
        /// The HMAC key of the verification codes (a file of mode 0600); nil: the store's own key,
        /// made at first use (`<store>/certificates/secret.key`).
        public var verificationKeyFile: String?
        /// The languages printed on every certificate (one or two); empty: the participant's own.
        public var languages: [Language]

        /// Settings with the development defaults (the test fixtures' images).
        public init(
            signatureImage: String = "Tests/Fixtures/certificate/signature.png",
            stampImage: String = "Tests/Fixtures/certificate/stamp.png",
            logoImage: String = "Tests/Fixtures/certificate/logo.png",
            signatory: String = "А. Б. Сапаров",
            verifyURL: String = "https://hr.kazguu.kz/verify/{number}",
            verificationKeyFile: String? = nil,
            languages: [Language] = []
        ) {
            self.signatureImage = signatureImage
            self.stampImage = stampImage
            self.logoImage = logoImage
            self.signatory = signatory
            self.verifyURL = verifyURL
            self.verificationKeyFile = verificationKeyFile
            self.languages = languages
        }
    }
}
