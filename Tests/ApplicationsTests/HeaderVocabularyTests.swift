import Testing
@testable import Applications

/// Header wordings met in the field, each with the column it names.
@Suite struct HeaderVocabularyTests {
    static let wordings: [(String, ColumnMeaning?)] = [
        // №
        ("№", .no), ("№ п/п", .no), ("No.", .no), ("№\nNo.", .no), ("№ / № п/п", .no), ("#", .no), ("Р/с", .no), ("Реттік саны", .no), ("S/N", .no),
        // School / unit
        ("Мектеп", .school), ("Школа", .school), ("School", .school), ("Мектеп / Школа", .school),
        ("Бөлім", .school), ("Подразделение", .school), ("Structural unit", .school), ("Құрылымдық бөлімше", .school),
        // Full name
        ("Т.А.Ә.", .fullName), ("ТАӘ", .fullName), ("ФИО", .fullName), ("Ф.И.О.", .fullName),
        ("Аты-жөні", .fullName), ("Тегі, аты, әкесінің аты", .fullName), ("Full name", .fullName), ("Name", .fullName),
        ("Т.А.Ә. (Тегі, Аты, Әкесінің аты) / ФИО", .fullName), ("Фамилия, имя, отчество", .fullName),
        ("Last name, first name", .fullName), ("ФИО сотрудника", .fullName),
        // Training direction
        ("Даярлау бағыты", .trainingDirection), ("Направление подготовки", .trainingDirection),
        ("Training direction", .trainingDirection), ("Field of training (higher and/or postgraduate education)", .trainingDirection),
        ("Жоғары және (немесе) жоғары оқу орнынан кейінгі білім беру кадрларын даярлау бағыты", .trainingDirection),
        ("Направление подготовки кадров с высшим и (или) послевузовским образованием", .trainingDirection),
        ("Кадрларды даярлау бағыты", .trainingDirection),
        // Programme
        ("Білім беру бағдарламасы", .programme), ("Образовательная программа", .programme),
        ("Educational programme", .programme), ("Programme", .programme), ("ОП", .programme),
        // Last course, date, hours
        ("Оқытылатын бейін бойынша соңғы өткен біліктілікті арттыру курстарының атауы", .lastCourse),
        ("Наименование последних пройденных курсов повышения квалификации по преподаваемому профилю", .lastCourse),
        ("Last completed professional development course (taught profile)", .lastCourse),
        ("Соңғы курс", .lastCourse), ("Название программы повышения квалификации", .lastCourse),
        ("Біліктілікті арттыру курсынан соңғы өткен күні", .lastCourseDate),
        ("Дата последнего прохождения курсов повышения квалификации", .lastCourseDate),
        ("Date of last course", .lastCourseDate), ("Дата", .lastCourseDate), ("Өткен күні", .lastCourseDate),
        ("Біліктілікті арттырудың соңғы курсынан өткен сағаттар саны", .lastCourseHours),
        ("Количество часов последнего курса", .lastCourseHours), ("Hours of last course", .lastCourseHours),
        ("Сағат саны", .lastCourseHours), ("Кол-во часов", .lastCourseHours), ("Hours", .lastCourseHours),
        // Phone and e-mail
        ("Байланыс телефоны", .phone), ("Контактный телефон", .phone), ("Тел.", .phone), ("Ұялы телефон", .phone),
        ("Contact phone", .phone), ("Mobile", .phone),
        ("E-mail", .email), ("Email", .email), ("e-mail\nEmail", .email), ("Эл. пошта", .email),
        ("Электронная почта", .email), ("Электрондық пошта", .email), ("E-mail адрес", .email),
        ("Е-mail", .email), ("Электронный адрес", .email), ("Эл.почта", .email), ("Е-мейл", .email),
        ("Сотовый телефон", .phone), ("Контакты", .phone), ("Сотрудник", .fullName), ("Оқытушының аты-жөні", .fullName),
        // Kazakh in the Latin alphabet
        ("Mektep", .school), ("Aty-jóni", .fullName), ("Baılanys telefony", .phone), ("Elektrondyq poshta", .email),
        ("Bіlіm berý baǵdarlamasy", .programme), ("Sońǵy kýrstyń ótken kúni", .lastCourseDate),
        ("Sońǵy kýrstyń saǵat sany", .lastCourseHours),
        // Columns Appendix 1 does not have
        ("Лауазымы", nil), ("Должность", nil), ("ЖСН", nil), ("ИИН", nil), ("IIN", nil),
        ("Ескерту", nil), ("Примечание", nil), ("Туған күні", nil), ("Дата рождения", nil),
        ("a.user@kazguu.kz", nil), ("x@mail.ru", nil), ("", nil), ("E-mail (…@kazguu.kz)", .email),
    ]

    @Test(arguments: wordings)
    func readsHeaderByMeaning(_ wording: String, _ expected: ColumnMeaning?) {
        #expect(HeaderCellMeaning.read(upper: wording)?.meaning == expected, "\(wording)")
    }

    /// A header cell spanning three columns with the parts in the row below it.
    static let twoRowParts: [(String, String, ColumnMeaning)] = [
        ("Соңғы өткен біліктілікті арттыру курсы", "атауы", .lastCourse),
        ("Соңғы өткен біліктілікті арттыру курсы", "өткен күні", .lastCourseDate),
        ("Соңғы өткен біліктілікті арттыру курсы", "сағат саны", .lastCourseHours),
        ("Соңғы курс (атауы, күні, сағаты)", "атауы", .lastCourse),
        ("Соңғы курс (атауы, күні, сағаты)", "күні", .lastCourseDate),
        ("Соңғы курс (атауы, күні, сағаты)", "сағаты", .lastCourseHours),
        ("Последний курс ПК", "наименование", .lastCourse),
        ("Последний курс ПК", "дата", .lastCourseDate),
        ("Последний курс ПК", "кол-во часов", .lastCourseHours),
        ("Last course", "title", .lastCourse),
        ("Last course", "date", .lastCourseDate),
        ("Last course", "hours", .lastCourseHours),
    ]

    @Test(arguments: twoRowParts)
    func readsSubLabelUnderSpanningLabel(_ upper: String, _ lower: String, _ expected: ColumnMeaning) {
        #expect(HeaderCellMeaning.read(upper: upper, lower: lower)?.meaning == expected)
    }

    @Test func foldsAbbreviationsAndLetters() {
        #expect(FoldedText("Т.А.Ә.").tokens == ["таә"])
        #expect(FoldedText("№ п/п").tokens == ["№", "пп"])
        #expect(FoldedText("Ёлка\nE-MAIL").tokens == ["елка", "e", "mail"])
        #expect(FoldedText("Сағаттар  саны").tokens == ["сағаттар", "саны"])
    }
}
