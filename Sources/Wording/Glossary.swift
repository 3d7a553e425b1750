/// The Regulation's own terms (regulation-kk.txt) in the three languages, one place for the
/// templates (`{{term.<key>}}`), the attachments and the tests that keep the forbidden
/// variants out (the department is a "бөлім", §2.1; "офлайн", §7.11; "құзырет топтары", §5.3;
/// "барабар", §8 1.1; "қабылданады", §7.15).
public enum Glossary {
    /// Terms by key, then language.
    public static let terms: [String: [WordingLanguage: String]] = [
        "department": [.kk: "Стратегия және HR бөлімі", .ru: "Отдел стратегии и HR", .en: "Strategy and HR Department"],
        "regulation": [.kk: "Біліктілікті үздіксіз арттыру туралы ереже", .ru: "Положение о непрерывном повышении квалификации",
                       .en: "Regulation on Continuous Professional Development"],
        "plan": [.kk: "Курстар Жоспары", .ru: "План курсов", .en: "Plan of courses"],
        "work_off_obligation": [.kk: "жұмыс өтелу міндеті", .ru: "обязательство отработки", .en: "work-off obligation"],
        "work_off_period": [.kk: "өтеу кезеңі", .ru: "период отработки", .en: "work-off period"],
        // §5.3 competency groups.
        "group.professional_values": [.kk: "Кәсіби құндылықтар", .ru: "Профессиональные ценности", .en: "Professional values"],
        "group.professional_knowledge_and_research": [.kk: "Кәсіби білім және ғылыми қызмет",
                                                      .ru: "Профессиональные знания и научная деятельность",
                                                      .en: "Professional knowledge and research"],
        "group.teaching_and_upbringing": [.kk: "Оқыту/білім беру және тәрбие жұмысы", .ru: "Обучение/образование и воспитательная работа",
                                          .en: "Teaching, education and upbringing"],
        "group.professional_development": [.kk: "Кәсіби даму", .ru: "Профессиональное развитие", .en: "Professional development"],
        "group.professional_mastery": [.kk: "Кәсіби шеберлік", .ru: "Профессиональное мастерство", .en: "Professional mastery"],
        "group.leadership": [.kk: "Көшбасшылық", .ru: "Лидерство", .en: "Leadership"],
        "group.effective_communications": [.kk: "Тиімді коммуникациялар", .ru: "Эффективные коммуникации", .en: "Effective communications"],
        // §2 categories of staff.
        "audience.PPS": [.kk: "ПОҚ", .ru: "ППС", .en: "teaching staff"],
        "audience.ABP": [.kk: "ӘБП", .ru: "АУП", .en: "administrative staff"],
        // §7.11 formats.
        "delivery.offline": [.kk: "офлайн", .ru: "офлайн", .en: "offline"],
        "delivery.online": [.kk: "онлайн", .ru: "онлайн", .en: "online"],
        "delivery.blended": [.kk: "аралас", .ru: "смешанный", .en: "blended"],
        "location.domestic": [.kk: "Қазақстанда", .ru: "в Казахстане", .en: "in Kazakhstan"],
        "location.abroad": [.kk: "шетелде", .ru: "за рубежом", .en: "abroad"],
        "term.short": [.kk: "қысқа мерзімді", .ru: "краткосрочный", .en: "short-term"],
        "term.medium": [.kk: "орта мерзімді", .ru: "среднесрочный", .en: "medium-term"],
        "term.long": [.kk: "ұзақ мерзімді", .ru: "долгосрочный", .en: "long-term"],
        "kind.qualification": [.kk: "біліктілікті арттыру", .ru: "повышение квалификации", .en: "professional development"],
        "kind.language": [.kk: "тілдік курс", .ru: "языковой курс", .en: "language course"],
        "kind.information_systems": [.kk: "ақпараттық жүйелер", .ru: "информационные системы", .en: "information systems"],
        "kind.retraining": [.kk: "қайта даярлау", .ru: "переподготовка", .en: "retraining"],
        "kind.management": [.kk: "менеджмент", .ru: "менеджмент", .en: "management"],
        // §7.10 languages of instruction.
        "language.kk": [.kk: "қазақ тілі", .ru: "казахский", .en: "Kazakh"],
        "language.ru": [.kk: "орыс тілі", .ru: "русский", .en: "Russian"],
        "language.en": [.kk: "ағылшын тілі", .ru: "английский", .en: "English"],
    ]

    /// Wordings the Regulation does not use, which no template or term may contain.
    public static let forbidden: [WordingLanguage: [String]] = [
        .kk: ["HR департамент", "күндізгі", "құзыреттер тобы", "пропорционалды", "жіберілесіз", "7.5-тармағына сәйкес Жоспар"],
        .ru: ["Департамент стратегии и HR", "Департамента стратегии и HR", "пропорционально неотработанному"],
        .en: [],
    ]

    /// The term in `language`; the key itself when the glossary has no such term (a test keeps
    /// every key the code asks for in the table).
    public static func term(_ key: String, in language: WordingLanguage) -> String {
        terms[key]?[language] ?? key
    }

    /// Every term of one language, for the templates.
    public static func terms(in language: WordingLanguage) -> [String: String] {
        terms.compactMapValues { $0[language] }
    }
}
