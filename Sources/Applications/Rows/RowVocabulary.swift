/// Words that mark rows which are not about an employee.
enum RowVocabulary {
    /// First word of a totals cell (kk, ru, en).
    static let totalWords: Set<String> = [
        "барлығы", "барлыгы", "барлық", "жиыны", "жиынтығы", "итого", "всего", "итог", "total", "totals",
        "subtotal", "grand", "sum", "жалпы", "общее", "общий", "итоговое",
    ]
    /// Words of a staff category that heads a section (kk, ru, en and the abbreviations).
    static let sectionWords: Set<String> = [
        "поқ", "аәқ", "абқ", "ппс", "ауп", "аупп", "pps", "abp", "aup",
        "профессорлықоқытушылық", "оқытушылар", "құрам", "құрамы", "әкімшілікбасқару", "әкімшілік",
        "профессорскопреподавательский", "административноуправленческий", "состав", "персонал",
        "faculty", "administrative", "academic", "staff",
    ]
    /// The signer's role, also after the unit's name (`Құқық жоғары мектебінің деканы`).
    static let signerWords: Set<String> = [
        "декан", "деканы", "директор", "директоры", "директора", "басшы", "басшысы", "руководитель", "dean", "director",
        "head", "проректор", "ректор", "меңгерушісі", "заведующий", "бастығы", "начальник", "төраға", "төрағасы",
        "председатель", "chair",
    ]
    /// A № cell opening with one of these marks the template's example row.
    static let exampleWords: Set<String> = [
        "мысалы", "мысал", "үлгі", "үлгісі", "пример", "образец", "например", "example", "sample", "eg", "мыс",
    ]
    /// Footer words that name who prepared the table: such a row is the footer even when the
    /// preparer's own address and phone are typed into the grid beside it.
    static let preparedByWords: Set<String> = [
        "орындаған", "орындаушы", "исполнитель", "исп", "дайындаған", "подготовил", "подготовила", "prepared",
        "исполнил", "составил", "составила", "құрастырған", "жауапты", "ответственный",
    ]
    /// First word of a footer line: who prepared it, who signs, approval stamps.
    static let footerWords: Set<String> = [
        "орындаған", "орындаушы", "исполнитель", "исп", "дайындаған", "подготовил", "подготовила", "prepared",
        "декан", "деканы", "директор", "директоры", "басшы", "басшысы", "руководитель", "dean", "director", "head",
        "қолы", "подпись", "signature", "signed", "мп", "мо", "келісілді", "согласовано", "бекітемін", "утверждаю",
        "approved", "agreed", "ескерту", "примечание", "note",
        "проректор", "ректор", "председатель", "төраға", "начальник", "бастығы", "заведующий", "меңгерушісі",
        "исполнил", "составил", "құрастырған", "күні", "дата", "date",
    ]
}
