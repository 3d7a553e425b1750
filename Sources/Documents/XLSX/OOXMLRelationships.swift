/// An OPC relationships part (`_rels/.rels`, `xl/_rels/workbook.xml.rels`): id → (type, target).
struct OOXMLRelationships {
    struct Relationship {
        var type: String
        var target: String
    }

    private(set) var byID: [String: Relationship] = [:]
    private(set) var ordered: [Relationship] = []

    init(bytes: [UInt8], partName: String, limits: DocumentLimits) throws(DocumentError) {
        try self.init(xml: XMLTokenizer(bytes: bytes, partName: partName, maxDepth: limits.maxXMLDepth), limits: limits)
    }

    /// Reads the part as it streams from the archive: a bomb never sits whole in memory.
    init(xml: consuming XMLTokenizer, limits: DocumentLimits) throws(DocumentError) {
        var xml = xml
        while let token = try xml.next() {
            guard case .start(let name, _) = token, xml.isLocal(name, "Relationship") else { continue }
            guard let target = xml.attributeValue("Target") else { continue }
            let relationship = Relationship(type: xml.attributeValue("Type") ?? "", target: target)
            ordered.append(relationship)
            if let id = xml.attributeValue("Id") { byID[id] = relationship }
        }
    }

    /// The archive member a target names, resolved against the directory of the source part
    /// ("worksheets/sheet1.xml" from "xl/workbook.xml" is "xl/worksheets/sheet1.xml";
    /// "/xl/…" is absolute). Only used to look members up, never as a file-system path.
    static func resolve(_ target: String, from sourcePart: String) -> String {
        var components: [Substring]
        if target.hasPrefix("/") {
            components = []
        } else {
            components = sourcePart.split(separator: "/", omittingEmptySubsequences: true).dropLast()
        }
        for component in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }
}
