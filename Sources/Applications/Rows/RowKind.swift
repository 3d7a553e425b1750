/// What a row below the header is (samples/README.md, "Rows that are not employee rows").
enum RowKind: Equatable {
    case employee
    case empty
    /// `1 2 3 … 10` under the header.
    case columnNumbers
    /// The header again (a table printed over pages, a second section with its own header).
    case repeatedHeader
    /// `Барлығы`, `Итого`, `Total`, `Всего`, with or without numbers.
    case total
    /// A row whose only content is one text cell: a title, a section (`Faculty (PPS)`), a note.
    case singleText
    /// A section label in more than one cell (`I | Профессорлық-оқытушылық құрам (ПОҚ)`).
    case section
    /// The template's filled-in example, marked in the № column (`Мысалы:`, `Пример`, `Example`).
    case example
    /// Signatures and `Орындаған:` lines.
    case footer
    /// A pre-numbered template row where only № (and perhaps the school) is filled.
    case template
    /// Something else without a name, an address or enough data to be about a person.
    case noPerson
}
