import Testing
@testable import Regulation

/// A reply to the preview confirms only when DSHR's own words confirm – never because the
/// quoted preview names the word, and never with a negation.
@Suite struct PlanConfirmationTests {
    static let cases: [(body: String, confirms: Bool)] = [
        ("confirm", true),
        ("Confirm.", true),
        ("CONFIRMED, thanks", true),
        ("Подтверждаю!", true),
        ("подтверждаю\r\n\r\nС уважением, Айгерим", true),
        ("Растаймын.", true),
        ("Жоспарды растаймын", true),
        // Quoted preview below DSHR's own text.
        ("Да.\n\n> ответьте «подтверждаю»", false),
        ("Thanks, will look.\n\nOn Mon, 6 Jul 2026 at 10:00, cpdbot wrote:\nreply with the single word confirm", false),
        ("ok\r\n-----Original Message-----\r\nFrom: cpdbot\r\nreply \"confirm\"", false),
        ("Рахмет\nКімнен: cpdbot\nрастаймын деп жауап беріңіз", false),
        // Negations.
        ("Do not confirm yet", false),
        ("don't confirm", false),
        ("Не подтверждаю, нужно исправить", false),
        ("растамаймын", false),
        ("Do not yet confirm", false),
        ("Confirmed? Not yet.", false),
        ("Please wait, I will confirm tomorrow", false),
        ("Подождите, подтверждаю позже", false),
        // A "no" elsewhere is not a negation of the confirmation.
        ("Confirm, no changes needed.", true),
        ("Нет замечаний, подтверждаю.", true),
        ("Ескерту жоқ, растаймын", true),
        // Words that merely contain the word.
        ("confirmation later", false),
        ("", false),
        ("> confirm", false),
    ]

    @Test(arguments: cases)
    func confirms(_ example: (body: String, confirms: Bool)) {
        #expect(PlanConfirmation.confirms(example.body) == example.confirms, "\(example.body.debugDescription)")
    }
}
