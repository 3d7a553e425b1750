import Foundation
import Testing
@testable import Certificates

/// The footer's verification URL and code are read off paper and typed back: the code must
/// never be broken at its hyphen, and the URL stays on one line as long as the smallest size
/// allowed (`min_size_pt`) lets it – whatever `certificates.verify_url` DSHR configures.
@Suite struct CertificateFooterTests {
    /// The shipped default, a long realistic address, and one far longer than any university
    /// would print (at the minimum size it still does not fit the line: only then may it wrap).
    static let addresses = [
        "https://hr.kazguu.kz/verify/{number}",
        "https://professional-development.maqsut-narikbayev-university.edu.kz/personnel/certificates/verification/{number}",
        "https://professional-development-and-continuing-education.maqsut-narikbayev-university.edu.kz/"
            + "department-of-strategy-and-human-resources/personnel/certificates/verification/check/{number}?language=kk",
    ]
    /// The longest number `certificates.number_format` makes with the course id in it.
    static let number = "CPD-2026-LAW-RESEARCH-01-00042"

    static func lines(ofPDF pdf: [UInt8]) throws -> [String] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("footer-\(UUID().uuidString).pdf")
        try Data(pdf).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let tool = "/usr/bin/pdftotext"
        try #require(FileManager.default.isExecutableFile(atPath: tool), "\(tool) is missing: run scripts/setup (poppler-utils)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-enc", "UTF-8", file.path, "-"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test(arguments: [["kk"], ["ru"], ["en"], ["kk", "ru"]], addresses.indices)
    func theCodeIsNeverBrokenAndTheURLStaysWhole(_ languages: [String], _ address: Int) throws {
        var content = CertificateTemplateTests.content(languages)
        content.number = Self.number
        content.verifyURL = Self.addresses[address].replacingOccurrences(of: "{number}", with: Self.number)
        let lines = try Self.lines(ofPDF: try CertificateTemplateTests.renderer().pdf(content))
        #expect(lines.contains { $0.contains(content.code) }, "the code \(content.code) on one line: \(lines.suffix(6))")
        // The code has a line of its own (after its label), so no address can push it apart.
        #expect(lines.contains { $0.hasSuffix(": " + content.code) }, "\(lines.suffix(6))")
        if address < 2 {
            #expect(lines.contains { $0.hasSuffix(content.verifyURL) }, "the whole URL on one line: \(lines.suffix(6))")
        }
    }

    @Test func aMinimumAboveTheSizeIsRefusedByName() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cert-footer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["layout.yml", "kk.yml", "ru.yml", "en.yml"] {
            try FileManager.default.copyItem(at: CertificateTemplateTests.templates.appendingPathComponent(name),
                                             to: directory.appendingPathComponent(name))
        }
        let layout = directory.appendingPathComponent("layout.yml")
        try String(contentsOf: layout, encoding: .utf8).replacingOccurrences(of: "min_size_pt: 5,", with: "min_size_pt: 9,")
            .write(to: layout, atomically: true, encoding: .utf8)
        let error = #expect(throws: CertificateError.self) { try CertificateTemplate.load(directory: directory) }
        #expect(error.map { "\($0)".contains("layout.yml") && "\($0)".contains("min_size_pt") && "\($0)".contains("footer") } == true,
                "\(String(describing: error))")
    }
}
