import Testing
import Wording

@Suite struct PersonNameTests {
    @Test(arguments: [
        // full name, kk, ru, en
        ("Сейтқали Әлібек Қайратұлы", "Құрметті Әлібек Қайратұлы!", "Уважаемый Әлібек Қайратұлы!", "Dear Әлібек Сейтқали,"),
        ("Нұрланова Айгүл Серікқызы", "Құрметті Айгүл Серікқызы!", "Уважаемая Айгүл Серікқызы!", "Dear Айгүл Нұрланова,"),
        ("Омаров Дәурен Қайрат ұлы", "Құрметті Дәурен Қайрат ұлы!", "Уважаемый Дәурен Қайрат ұлы!", "Dear Дәурен Омаров,"),
        ("Иванова Мария Петровна", "Құрметті Мария Петровна!", "Уважаемая Мария Петровна!", "Dear Мария Иванова,"),
        ("Петров Илья Ильич", "Құрметті Илья Ильич!", "Уважаемый Илья Ильич!", "Dear Илья Петров,"),
        ("Ким Елена", "Құрметті Елена!", "Уважаемый(ая) Елена Ким!", "Dear Елена Ким,"),
        ("Смирнова Ольга", "Құрметті Ольга!", "Уважаемая Ольга Смирнова!", "Dear Ольга Смирнова,"),
        ("Anna Smith", "Құрметті Anna!", "Уважаемый(ая) Anna Smith!", "Dear Anna Smith,"),
        ("Mary Ann O'Neil", "Құрметті Mary Ann!", "Уважаемый(ая) Mary Ann O'Neil!", "Dear Mary Ann O'Neil,"),
        ("Seitkali Alibek Kairatuly", "Құрметті Alibek Kairatuly!", "Уважаемый Alibek Kairatuly!", "Dear Alibek Seitkali,"),
        ("Әлібек", "Құрметті Әлібек!", "Уважаемый(ая) Әлібек!", "Dear Әлібек,"),
        ("Айгерим Сатпаева", "Құрметті Айгерим!", "Уважаемая Айгерим Сатпаева!", "Dear Айгерим Сатпаева,"),
        ("Бауыржан Оспанов", "Құрметті Бауыржан!", "Уважаемый Бауыржан Оспанов!", "Dear Бауыржан Оспанов,"),
        ("Оспанов Бауыржан", "Құрметті Бауыржан!", "Уважаемый Бауыржан Оспанов!", "Dear Бауыржан Оспанов,"),
        ("Қызметкер 1203", "Құрметті Қызметкер 1203!", "Уважаемый(ая) Қызметкер 1203!", "Dear Қызметкер 1203,"),
    ])
    func greetings(fullName: String, kk: String, ru: String, en: String) {
        let name = PersonName.parse(fullName: fullName)
        #expect(PersonName.salutation(name, language: .kk) == kk)
        #expect(PersonName.salutation(name, language: .ru) == ru)
        #expect(PersonName.salutation(name, language: .en) == en)
    }

    @Test func noNameGreetsAColleague() {
        #expect(PersonName.parse(fullName: "  ") == nil)
        #expect(PersonName.salutation(nil, language: .kk) == "Құрметті әріптес!")
        #expect(PersonName.salutation(nil, language: .ru) == "Уважаемый коллега!")
        #expect(PersonName.salutation(nil, language: .en) == "Dear colleague,")
    }

    @Test func partsOfASurnameFirstName() {
        let name = PersonName.parse(fullName: "Сейтқали Әлібек Қайратұлы")
        #expect(name == PersonName(surname: "Сейтқали", given: "Әлібек", patronymic: "Қайратұлы"))
        #expect(name?.gender == .male)
    }
}
