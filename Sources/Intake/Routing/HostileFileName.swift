import MIME

/// The file-name rule of samples/README.md: a name is hostile when it holds a path separator
/// (`/` or `\`), a `..` component, a control character (NUL, C0, C1), a bidirectional control
/// (U+202A–U+202E, U+2066–U+2069) or another invisible format character (`VisibleText`), or is
/// longer than 255 bytes (NAME_MAX). `otinim_U+202Exslx.exe` looks like `otinim_exe.xlsx`. Such a file is refused as a whole, even when its content is fine:
/// a sender who writes `../../etc/passwd.xlsx` is not sending an application in good faith.
public enum HostileFileName {
    /// The longest name a file system takes, in UTF-8 bytes.
    public static let maximumBytes = 255

    /// A path, `..`, a control or bidi character, or over `maximumBytes`: never used, shown escaped.
    public static func isHostile(_ name: String) -> Bool {
        problem(name) != nil
    }

    /// What is wrong with the name, for logs; nil for a harmless name.
    public static func problem(_ name: String) -> String? {
        if name.utf8.count > maximumBytes {
            return "the name is \(name.utf8.count) bytes long (at most \(maximumBytes))"
        }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "the name contains a control character"
        }
        if name.unicodeScalars.contains(where: VisibleText.isHidden) {
            return "the name contains an invisible formatting character"
        }
        if name.contains("/") || name.contains("\\") {
            return "the name contains a path separator"
        }
        if name == ".." {
            return "the name is a parent-directory reference"
        }
        return nil
    }
}
