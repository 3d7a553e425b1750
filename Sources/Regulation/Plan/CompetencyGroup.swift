/// §5.3: the competency groups a course belongs to, per audience.
public enum CompetencyGroup: String, NamedValue, Codable {
    case professionalValues = "professional_values"
    case professionalKnowledgeAndResearch = "professional_knowledge_and_research"
    case teachingAndUpbringing = "teaching_and_upbringing"
    case professionalDevelopment = "professional_development"
    case professionalMastery = "professional_mastery"
    case leadership
    case effectiveCommunications = "effective_communications"

    /// The names in §5.3 (kk, from regulation-kk.txt), in Russian, and in English (REGULATION.md).
    public var names: [String] {
        switch self {
        case .professionalValues:
            return ["Кәсіби құндылықтар", "Профессиональные ценности", "Professional values"]
        case .professionalKnowledgeAndResearch:
            return ["Кәсіби білім және ғылыми қызмет", "Профессиональные знания и научная деятельность",
                    "Профессиональные знания и исследования", "Professional knowledge and research"]
        case .teachingAndUpbringing:
            return ["Оқыту/білім беру және тәрбие жұмысы", "Оқыту, білім беру және тәрбие жұмысы",
                    "Обучение/образование и воспитательная работа", "Преподавание, обучение и воспитание",
                    "Teaching, education and upbringing", "Teaching and upbringing"]
        case .professionalDevelopment:
            return ["Кәсіби даму", "Профессиональное развитие", "Professional development"]
        case .professionalMastery:
            return ["Кәсіби шеберлік", "Профессиональное мастерство", "Professional mastery"]
        case .leadership:
            return ["Көшбасшылық", "Лидерство", "Leadership"]
        case .effectiveCommunications:
            return ["Тиімді коммуникациялар", "Эффективные коммуникации", "Effective communications"]
        }
    }

    /// §5.3.1 (PPS) and §5.3.2 (ABP).
    public static func groups(of audience: Audience) -> [CompetencyGroup] {
        switch audience {
        case .pps: return [.professionalValues, .professionalKnowledgeAndResearch, .teachingAndUpbringing, .professionalDevelopment]
        case .abp: return [.professionalValues, .professionalMastery, .leadership, .effectiveCommunications]
        }
    }
}
