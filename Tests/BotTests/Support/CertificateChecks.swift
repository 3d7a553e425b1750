import Foundation
import Testing

/// Reading a certificate the way a person and a checker do: poppler's `pdftotext` and
/// `pdftoppm`, zbar's `zbarimg`. scripts/setup installs them (poppler-utils, zbar-tools); a
/// missing tool fails the test rather than skipping it.
enum CertificateChecks {
    /// The tool's standard output; fails when it exits with an error.
    static func run(_ tool: String, _ arguments: [String], input: [UInt8]? = nil) throws -> Data {
        let path = "/usr/bin/" + tool
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw ToolMissing(tool: tool)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ToolFailed(tool: tool, status: process.terminationStatus) }
        return data
    }

    struct ToolMissing: Error, CustomStringConvertible {
        var tool: String
        var description: String { "/usr/bin/\(tool) is missing: run scripts/setup (poppler-utils, zbar-tools, python3-icalendar)" }
    }

    struct ToolFailed: Error { var tool: String; var status: Int32 }

    static func temporaryFile(_ bytes: [UInt8], suffix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cert-\(UUID().uuidString)\(suffix)")
        try Data(bytes).write(to: url)
        return url
    }

    /// The PDF's text with every run of white space made one space (Pango wraps long titles).
    static func text(ofPDF pdf: [UInt8]) throws -> String {
        let file = try temporaryFile(pdf, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        let text = String(decoding: try run("pdftotext", ["-enc", "UTF-8", file.path, "-"]), as: UTF8.self)
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Page 1 as RGB pixels (`pdftoppm -ppm`, a binary P6 image).
    struct Picture {
        var width: Int, height: Int, pixels: [UInt8]
        /// Share of pixels that are not (near) white.
        func inkShare(x: Range<Double> = 0..<1, y: Range<Double> = 0..<1) -> Double {
            share(x: x, y: y) { r, g, b in min(r, g, b) < 200 }
        }
        /// Share of pixels in the area whose blue clearly beats red and green (the stamp's ink).
        func coloredShare(x: Range<Double>, y: Range<Double>) -> Double {
            share(x: x, y: y) { r, g, b in Int(b) - Int(r) > 60 && Int(b) - Int(g) > 40 }
        }
        private func share(x: Range<Double>, y: Range<Double>, _ test: (UInt8, UInt8, UInt8) -> Bool) -> Double {
            let columns = Int(x.lowerBound * Double(width))..<Int(x.upperBound * Double(width))
            let rows = Int(y.lowerBound * Double(height))..<Int(y.upperBound * Double(height))
            var hits = 0
            for row in rows {
                for column in columns {
                    let i = (row * width + column) * 3
                    if test(pixels[i], pixels[i + 1], pixels[i + 2]) { hits += 1 }
                }
            }
            return Double(hits) / Double(max(1, columns.count * rows.count))
        }
    }

    static func picture(ofPDF pdf: [UInt8], dpi: Int = 50) throws -> Picture {
        let file = try temporaryFile(pdf, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        let data = [UInt8](try run("pdftoppm", ["-r", String(dpi), "-f", "1", "-l", "1", file.path]))
        // P6\n<width> <height>\n255\n<pixels>
        var fields: [String] = []
        var index = 0
        while fields.count < 4, index < data.count {
            while index < data.count, data[index] == 0x20 || data[index] == 0x0A { index += 1 }
            var field = ""
            while index < data.count, data[index] != 0x20, data[index] != 0x0A { field.append(Character(UnicodeScalar(data[index]))); index += 1 }
            fields.append(field)
        }
        index += 1
        guard fields.count == 4, fields[0] == "P6", let width = Int(fields[1]), let height = Int(fields[2]) else {
            throw ToolFailed(tool: "pdftoppm (not a P6 image)", status: 0)
        }
        return Picture(width: width, height: height, pixels: Array(data[index..<min(data.count, index + width * height * 3)]))
    }

    /// What the QR code on page 1 says (`pdftoppm -png` at 150 dpi, then `zbarimg --raw`).
    static func qrText(ofPDF pdf: [UInt8]) throws -> String {
        let file = try temporaryFile(pdf, suffix: ".pdf")
        let prefix = file.deletingPathExtension().path
        defer {
            try? FileManager.default.removeItem(at: file)
            try? FileManager.default.removeItem(atPath: prefix + ".png")
        }
        _ = try run("pdftoppm", ["-r", "150", "-f", "1", "-l", "1", "-png", "-singlefile", file.path, prefix])
        let text = String(decoding: try run("zbarimg", ["--raw", "-q", prefix + ".png"]), as: UTF8.self)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
