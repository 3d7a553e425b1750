internal import CQRencode

/// A QR code's modules from libqrencode (error correction M: a printed code survives a fold
/// or a smudge), row by row.
struct QRMatrix {
    let size: Int
    let dark: [Bool]

    init(_ text: String) throws(CertificateError) {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else {
            throw .rendering("libqrencode could not encode the verification URL '\(text)' (too long for a QR code?)")
        }
        defer { QRcode_free(code) }
        size = Int(code.pointee.width)
        // Bit 0 of each byte is the module's colour; the other bits are libqrencode's bookkeeping.
        dark = (0..<(size * size)).map { code.pointee.data[$0] & 1 == 1 }
    }

    func isDark(row: Int, column: Int) -> Bool { dark[row * size + column] }
}
