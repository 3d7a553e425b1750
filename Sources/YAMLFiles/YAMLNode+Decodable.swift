import Yams

extension YAMLNode {
    /// Decodes the node as `T` through `Decodable`, for files whose shape is a tree of typed
    /// records (the certificate layout). Every problem names the file, the key path and, when
    /// the file has the key, its line. Unlike the accessors above, `Decodable` cannot report an
    /// unknown key: use them where a misspelt optional key must be an error.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws(Failure) -> T {
        do {
            return try YAMLDecoder().decode(type, from: node)
        } catch let DecodingError.keyNotFound(key, context) {
            throw at(context.codingPath).fail("'\(key.stringValue)' is missing")
        } catch let DecodingError.typeMismatch(_, context) {
            throw at(context.codingPath).fail("wrong kind of value: \(context.debugDescription)")
        } catch let DecodingError.valueNotFound(_, context) {
            throw at(context.codingPath).fail("a value is needed: \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            throw at(context.codingPath).fail("bad value: \(context.debugDescription)")
        } catch {
            throw fail("\(error)")
        }
    }

    /// The deepest node along `codingPath` that the file has, with its key path.
    private func at(_ codingPath: [any CodingKey]) -> YAMLNode {
        var current = self
        for key in codingPath {
            switch current.node {
            case let .mapping(mapping):
                guard let value = mapping.first(where: { $0.key.scalar?.string == key.stringValue })?.value else {
                    return current
                }
                current = current.descendant(key.stringValue, node: value)
            case let .sequence(sequence):
                guard let index = key.intValue, sequence.indices.contains(index) else { return current }
                current = YAMLNode(node: sequence[index], file: file, path: current.path + "[\(index)]")
            default:
                return current
            }
        }
        return current
    }
}
