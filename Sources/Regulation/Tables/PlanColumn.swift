/// The Plan's columns (DESIGN.md "DSHR commands") and the headers they are known by.
enum PlanColumn: String, TableColumn {
    case courseID = "course_id", title, competencyGroup = "competency_group", audience, kind, location, term, hours
    case startDate = "start_date", endDate = "end_date", language, delivery, costKZT = "cost_kzt"
    case participantEmail = "participant_email"

    var isRequired: Bool { true }

    var names: [String] {
        switch self {
        case .courseID: return ["course id", "course code", "id", "код курса", "курс коды", "курстың коды", "id курса", "№ курса"]
        case .title: return ["course title", "course", "course name", "название курса", "наименование курса", "название",
                             "наименование", "курс атауы", "курстың атауы", "атауы", "тақырыбы", "тема"]
        case .competencyGroup: return ["competency group", "competency", "группа компетенций", "компетенция",
                                       "құзырет тобы", "құзыреттілік тобы", "құзырет"]
        case .audience: return ["target audience", "category", "аудитория", "категория", "санат", "қатысушылар санаты"]
        case .kind: return ["course kind", "type", "course type", "вид курса", "вид", "тип", "курс түрі", "түрі"]
        case .location: return ["place", "venue", "место проведения", "место", "өтетін орны", "өткізілетін орны", "орны"]
        case .term: return ["duration", "length", "срок", "продолжительность", "мерзімі", "ұзақтығы"]
        case .hours: return ["academic hours", "number of hours", "часы", "часов", "количество часов", "объем часов",
                             "академические часы", "сағат", "сағат саны", "академиялық сағат", "көлемі"]
        case .startDate: return ["start", "from", "дата начала", "начало", "басталу күні", "басталуы", "бастау күні"]
        case .endDate: return ["end", "to", "дата окончания", "окончание", "аяқталу күні", "аяқталуы"]
        case .language: return ["language of instruction", "язык", "язык обучения", "тілі", "оқыту тілі"]
        case .delivery: return ["format", "mode", "формат", "форма проведения", "форма обучения", "өткізу нысаны",
                                "оқыту нысаны", "форматы"]
        case .costKZT: return ["cost", "price", "стоимость", "стоимость тенге", "стоимость тг", "құны", "құны теңге"]
        case .participantEmail: return ["email", "e mail", "participant", "participant e mail", "электронная почта",
                                        "эл почта", "почта", "email участника", "электрондық пошта", "эл пошта",
                                        "қатысушының email", "қатысушы", "участник", "слушатель",
                                        "тыңдаушы", "e mail участника", "адрес электронной почты"]
        }
    }
}
