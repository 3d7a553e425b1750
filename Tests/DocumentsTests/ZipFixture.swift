import Foundation
import ZIPFoundation

/// Builds zip containers in memory for hand-made office files and hostile archives.
enum ZipFixture {
    /// A zip holding `members` (name → content), deflated, in the given order.
    static func make(_ members: [(String, [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, content) in members {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(content.count),
                                 compressionMethod: .deflate) { position, size in
                Data(content[Int(position)..<Int(position) + size])
            }
        }
        return Array(archive.data ?? Data())
    }

    static func make(_ members: [(String, String)]) throws -> [UInt8] {
        try make(members.map { ($0.0, Array($0.1.utf8)) })
    }

    /// A zip with one member of `size` zero bytes, produced chunk by chunk (never held whole).
    static func zeros(named name: String, size: Int, around others: [(String, String)]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (other, content) in others {
            let bytes = Array(content.utf8)
            try archive.addEntry(with: other, type: .file, uncompressedSize: Int64(bytes.count),
                                 compressionMethod: .deflate) { position, chunk in
                Data(bytes[Int(position)..<Int(position) + chunk])
            }
        }
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(size),
                             compressionMethod: .deflate, bufferSize: 1 << 20) { _, chunk in
            Data(count: chunk)
        }
        return Array(archive.data ?? Data())
    }
}
