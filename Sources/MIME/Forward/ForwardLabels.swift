/// The words mail clients write around forwarded messages, by language.
/// Lowercased; compared after trimming dashes, spaces and quote marks from the line.
enum ForwardLabels {
    /// Separator lines ("-----Original Message-----" and its translations), matched on their text.
    static let separators: [String] = [
        // English: Outlook, Gmail, Thunderbird, Apple Mail
        "original message", "forwarded message", "begin forwarded message", "forwarded by",
        // Russian: Outlook, Thunderbird, Mail.ru, Yandex, The Bat!
        "исходное сообщение", "пересылаемое сообщение", "пересланное сообщение", "перенаправленное сообщение",
        "переадресованное сообщение", "начало переадресованного сообщения", "начало пересылаемого сообщения",
        // Kazakh: Outlook and webmail
        "бастапқы хабар", "бастапқы хабарлама", "қайта жіберілген хабар", "қайта жіберілген хабарлама",
        "жіберілген хабар", "жіберілген хабарлама", "бағытталған хабар", "бағытталған хабарлама",
        "алға жіберілген хабар", "алға жіберілген хабарлама", "пересылаемое письмо",
    ]

    /// Header labels in a quoted block, per field.
    static let from = ["from", "от", "от кого", "отправитель", "кімнен", "кімден", "жіберуші", "жіберген"]
    static let date = ["date", "sent", "дата", "отправлено", "отправлен", "жіберілді", "жіберілген", "күні", "уақыты"]
    static let subject = ["subject", "тема", "тақырып", "тақырыбы"]
    static let to = ["to", "кому", "кімге", "получатель"]
    static let cc = ["cc", "копия", "көшірме"]

    /// Subject prefixes of forwards (as opposed to replies) in the clients seen.
    static let subjectPrefixes = ["fw", "fwd", "fwrd", "пересл", "перес", "пер", "тгж", "қж"]
}
