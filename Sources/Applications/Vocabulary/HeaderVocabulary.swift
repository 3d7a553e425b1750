/// The words that name each Appendix 1 column in Kazakh, Russian and English, full and
/// abbreviated. Stems are token prefixes; words must match a whole token. Kept in one place so
/// a new wording found in the field is a one-line change.
enum HeaderVocabulary {
    /// A cell made only of these is the № column (`№`, `№ п/п`, `No.`, `Nº` with the ordinal sign, `р/с`, `#`).
    static let numberWords: WordSet = [
        "№", "no", "nº", "nr", "n", "пп", "рс", "рн", "пн", "номер", "number", "num", "реттік", "саны", "порядковый", "sn", "нөмірі", "нөмір", "нп",
    ]

    static let nameWords: WordSet = [
        "таә", "фио", "тегі", "фамилия", "surname", "fio", "tae", "аты", "жөні", "имя", "отчество",
        // Kazakh in the Latin alphabet (2021 standard and older transliterations).
        "taá", "tegi", "tegі", "aty", "jóni", "zhoni",
    ]
    /// Weaker: a column of people, named by who they are rather than by "name".
    static let personWords: WordSet = [
        "қызметкер", "қызметкердің", "сотрудник", "сотрудника", "employee", "participant", "қатысушы", "работник",
        "оқытушы", "оқытушының", "преподаватель", "преподавателя", "teacher", "лектор",
    ]

    static let emailWords: WordSet = [
        "poshta", "poshtasy", "email", "mail", "emails", "пошта", "почта", "поштасы", "почты", "эпошта", "мейл", "емейл", "имейл",
        "мэйл", "емэйл", "электронная", "электрондық", "электронды", "электронный", "электронного",
    ]

    static let phoneStems: StemList = ["тел", "tel", "phone", "ұялы", "моб", "mobile", "cell", "сотов", "whatsapp", "ватсап", "уатсап"]
    /// `Эл. адрес`, `Эл. мекенжайы`: "address" is the e-mail only after the short `эл`/`e`.
    static let addressStems: StemList = ["адрес", "мекенжай", "address"]
    static let electronicWords: WordSet = ["эл", "e", "е", "el"]
    /// A label naming a code (`ОП шифры`, `Код направления`) is the direction's in Appendix 1:
    /// the direction is given by its code, the programme by its name.
    static let codeStems: StemList = ["шифр", "код", "code", "cipher"]
    /// Weaker: "contact" alone usually means the phone (the e-mail has its own column).
    static let contactStems: StemList = ["контакт", "байланыс", "contact"]

    static let schoolStrongStems: StemList = ["мектеп", "мектеб", "школ", "school", "mektep", "mekteb"]
    static let schoolStems: StemList = [
        "бөлім", "подразделен", "unit", "department", "департамент", "кафедр", "факультет", "faculty",
        "институт", "institute", "басқарма", "управлен", "division", "орталы", "центр", "center", "centre",
        "офис", "office", "служб",
    ]

    static let directionStems: StemList = ["бағыт", "baǵyt", "bagyt", "daıarla", "dayarla", "направлен", "direction", "мамандық", "специальн", "specialt", "speciali", "даярлау"]
    static let directionWords: WordSet = ["field"]

    static let programmeStems: StemList = ["бағдарлам", "baǵdarlam", "bagdarlam", "программ", "programme", "program"]
    static let programmeWords: WordSet = ["оп", "бб", "ббб", "op"]

    /// Words that put a header in the "last course" family (title, date, hours).
    static let courseStems: StemList = ["курс", "course", "kurs", "kýrs", "bіlіktіlіk", "biliktilik", "sońǵy", "songy", "біліктілік", "квалификац", "повышен", "соңғы", "последн"]
    static let courseWords: WordSet = ["пк", "last", "development", "cpd"]

    /// A course wished for or planned, not the last one taken: its title and date are not
    /// the last course's (`Қалаған курс`, `Планируемый курс ПК`, `Desired course`).
    static let plannedStems: StemList = [
        "жоспар", "қалаған", "қалайтын", "келесі", "желаем", "планир", "предполага", "следующ", "предлага",
        "запрашива", "desired", "wish", "planned", "plan", "prefer", "propos", "request", "next",
    ]

    static let lastStems: StemList = ["соңғы", "последн", "last", "өткен", "пройден", "completed", "прошедш"]

    static let hoursWords: WordSet = [
        "сағ", "сағат", "сағаты", "сағаттар", "сағаттары", "saǵat", "saǵaty", "saǵattar", "sagat", "sagaty", "сағаттың", "сағатпен", "сағатта",
        "час", "часа", "часов", "часы", "ч", "hour", "hours", "hrs", "hr", "көлемі", "объем", "volume",
        "duration", "ұзақтығы", "продолжительность", "кредит", "credits",
    ]
    static let dateWords: WordSet = [
        "күні", "күн", "күнi", "kúni", "kúnі", "kuni", "дата", "датасы", "date", "dates", "мерзімі", "уақыты", "when",
        "жылы", "год", "year", "когда", "период", "срок", "сроки", "period",
    ]
    /// Dates and hours that are not about the last course: birth, hiring, workload.
    static let foreignDateWords: WordSet = [
        "туған", "рождения", "birth", "қабылданған", "приема", "hire", "hired", "жүктеме", "нагрузка", "workload",
        // The academic year, and the day the form was filled in.
        "оқу", "учебный", "academic", "толтырылған", "заполнения", "filled",
    ]
    /// A start date (`басталған күні`, `Дата начала`, `Start date`), beside the end date.
    static let startStems: StemList = ["бастал", "начал", "start", "commenc", "beginn"]
    /// Words that introduce an example inside a label (`E-mail, мысалы: a.user@kazguu.kz`).
    static let exampleMarkers = ["мысалы", "үлгі", "пример", "образец", "например", "example", "e.g."]
    /// A second address or phone (`Жеке email`, `Личный телефон`): the work one is preferred
    /// when the table has both; alone it is still the column.
    static let secondaryStems: StemList = ["жеке", "личн", "personal", "private", "резерв", "қосымша", "дополнит", "alternative"]
    /// The lists `HeaderCellMeaning` asks together.
    static let programmeOrDirectionStems = programmeStems + directionStems
    static let directionOrCodeStems = directionStems + codeStems

    static let titleWords: WordSet = [
        "атауы", "атау", "наименование", "название", "title", "name", "тақырыбы", "тема", "topic",
    ]
}
