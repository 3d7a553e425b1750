/// A command DSHR gives by a tag in the subject (DESIGN.md "DSHR commands").
public enum DSHRCommand: String, CaseIterable, Sendable {
    /// `[PLAN]` / `[ЖОСПАР]` / `[ПЛАН]`: the approved Plan is attached.
    case plan
    /// `[COMPLETIONS]` / `[ҚОРЫТЫНДЫ]` / `[ИТОГИ]`: a course completion list is attached.
    case completions
    /// `[ROSTER]` / `[ТІЗІМ]` / `[СПИСОК]`: a new roster is attached.
    case roster

    /// The tags of each command, in English, Kazakh and Russian.
    public var tags: [String] {
        switch self {
        case .plan: return ["PLAN", "ЖОСПАР", "ПЛАН"]
        case .completions: return ["COMPLETIONS", "ҚОРЫТЫНДЫ", "ИТОГИ"]
        case .roster: return ["ROSTER", "ТІЗІМ", "СПИСОК"]
        }
    }
}
