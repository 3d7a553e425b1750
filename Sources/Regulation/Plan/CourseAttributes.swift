// The closed vocabularies of a Plan's columns (DESIGN.md "DSHR commands"). Each accepts its key
// and the usual kk/ru/en ways of writing it.

/// Whom a course is for (§2): teaching staff or administrative and management staff.
public enum Audience: String, NamedValue, Codable {
    case pps = "PPS"
    case abp = "ABP"

    /// The spellings a Plan or completions table may use for this value, in Kazakh, Russian and English.
    public var names: [String] {
        switch self {
        case .pps: return ["ППС", "ПОҚ", "ПОК", "teaching staff", "профессорско-преподавательский состав",
                           "профессорлық-оқытушылық құрам"]
        case .abp: return ["АУП", "ӘБП", "АБП", "AUP", "administrative staff", "административно-управленческий персонал",
                           "әкімшілік-басқару персоналы"]
        }
    }
}

/// §6.6 kinds of course.
public enum CourseKind: String, NamedValue, Codable {
    case qualification, language
    case informationSystems = "information_systems"
    case retraining, management

    /// The spellings a Plan or completions table may use for this value, in Kazakh, Russian and English.
    public var names: [String] {
        switch self {
        case .qualification: return ["повышение квалификации", "біліктілікті арттыру", "qualification course"]
        case .language: return ["языковые курсы", "тілдік курстар", "language course"]
        case .informationSystems: return ["информационные системы", "ақпараттық жүйелер", "information systems"]
        case .retraining: return ["переподготовка", "қайта даярлау", "целевое обучение", "мақсатты оқыту"]
        case .management: return ["менеджмент", "управление", "басқару"]
        }
    }
}

/// §6.5: in Kazakhstan or abroad.
public enum CourseLocation: String, NamedValue, Codable {
    case domestic, abroad

    /// The spellings a Plan or completions table may use for this value, in Kazakh, Russian and English.
    public var names: [String] {
        switch self {
        case .domestic: return ["Kazakhstan", "in Kazakhstan", "Казахстан", "в Казахстане", "РК", "Қазақстан",
                                "Қазақстанда", "отечественный", "отандық"]
        case .abroad: return ["за рубежом", "зарубежный", "шетелде", "шетел", "шетелдік", "foreign"]
        }
    }
}

/// §6.5: short, medium or long.
public enum CourseTerm: String, NamedValue, Codable {
    case short, medium, long

    /// The spellings a Plan or completions table may use for this value, in Kazakh, Russian and English.
    public var names: [String] {
        switch self {
        case .short: return ["краткосрочный", "краткосрочные", "қысқа мерзімді", "short term", "short-term"]
        case .medium: return ["среднесрочный", "среднесрочные", "орта мерзімді", "medium term", "medium-term"]
        case .long: return ["долгосрочный", "долгосрочные", "ұзақ мерзімді", "long term", "long-term"]
        }
    }
}

/// §7.10: the language of instruction.
public enum TeachingLanguage: String, NamedValue, Codable {
    case kk, ru, en

    /// The spellings a Plan or completions table may use for this value, in Kazakh, Russian and English.
    public var names: [String] {
        switch self {
        case .kk: return ["kaz", "kz", "қазақ", "қазақша", "қазақ тілі", "казахский", "Kazakh"]
        case .ru: return ["rus", "орыс", "орыс тілі", "русский", "Russian"]
        case .en: return ["eng", "ағылшын", "ағылшын тілі", "английский", "English"]
        }
    }
}

/// §7.11: how the course is delivered.
public enum Delivery: String, NamedValue, Codable {
    case offline, online, blended

    /// The spellings a Plan or completions table may use for this value, in Kazakh, Russian and English.
    public var names: [String] {
        switch self {
        case .offline: return ["очно", "очный", "офлайн", "оффлайн", "күндізгі", "in person"]
        case .online: return ["онлайн", "дистанционно", "дистанционный", "қашықтан"]
        case .blended: return ["смешанный", "смешанное", "гибрид", "аралас", "hybrid"]
        }
    }
}
