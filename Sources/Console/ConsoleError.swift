/// What can go wrong when the console starts or serves a page.
public enum ConsoleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file under `templates/console/` is missing or broken.
    case templates(String)
    /// The listening socket could not be opened.
    case listen(address: String, reason: String)

    /// What failed (the address that could not be listened on, the template that is wrong) and what to do.
    public var description: String {
        switch self {
        case .templates(let what):
            return "console templates: \(what)"
        case .listen(let address, let reason):
            return "console.listen \(address): \(reason); choose a free port in console.listen, or leave it empty to run without the console"
        }
    }
}
