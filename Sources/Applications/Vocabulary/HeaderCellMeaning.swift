import Foundation

/// Reads one header cell (or a column of a two-row header) by meaning.
enum HeaderCellMeaning {
    /// The meaning this header text names and how strongly (1 weak … 3 certain), or nil.
    /// `lower` is the second row of a two-row header under `upper`, if any; when it names a
    /// part of the last course (`атауы`, `күні`, `сағат саны`) it decides, with `upper` as context.
    static func read(upper: String, lower: String? = nil) -> (meaning: ColumnMeaning, strength: Int)? {
        // Data, not a label: a row of employees is never read as a header. A label may show an
        // example address in brackets (`E-mail (мысалы: a.user@kazguu.kz)`): read without it.
        guard let upper = withoutExample(upper) else { return nil }
        var subLabel: String?
        if let lower {
            guard let kept = withoutExample(lower) else { return nil }
            subLabel = kept
        }
        return read(whole: FoldedText(upper + " " + (subLabel ?? "")), lower: subLabel)
    }

    /// The text without a bracketed example when that is where its address is; nil when the
    /// address is the text itself (a data cell).
    private static func withoutExample(_ text: String) -> String? {
        guard EmailAddress.containsAddress(text) else { return text }
        var cut = text.firstIndex { $0 == "(" || $0 == "[" }
        for word in HeaderVocabulary.exampleMarkers {
            if let found = firstMatch(of: word, in: text) { cut = min(cut ?? found, found) }
        }
        guard let cut else { return nil }
        let label = String(text[..<cut])
        return !label.isEmpty && !EmailAddress.containsAddress(label) && !FoldedText(label).isEmpty ? label : nil
    }

    /// Where `word` first occurs in `text`, ignoring case. ASCII text (every data row's
    /// address cell) is searched on its bytes: a non-ASCII word cannot occur in it, and for
    /// ASCII ignoring case is lowering the letters A–Z.
    static func firstMatch(of word: String, in text: String) -> String.Index? {
        let haystack = Array(text.utf8)
        guard haystack.allSatisfy({ $0 < 0x80 }) else {
            return text.range(of: word, options: .caseInsensitive)?.lowerBound
        }
        let needle = Array(word.utf8)
        guard needle.allSatisfy({ $0 < 0x80 }) else { return nil }
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        for start in 0...(haystack.count - needle.count)
        where needle.indices.allSatisfy({ lower(haystack[start + $0]) == lower(needle[$0]) }) {
            return text.utf8.index(text.utf8.startIndex, offsetBy: start)
        }
        return nil
    }

    /// `prefilter`: answer nil at once for a one-row label with no word or stem any meaning
    /// needs (`mayName`); false only to test that the filter changes nothing.
    static func read(whole: FoldedText, lower: String?, prefilter: Bool = true) -> (meaning: ColumnMeaning, strength: Int)? {
        if whole.isEmpty { return nil }
        // Most cells the header search reads are data (names, titles): one look at the union of
        // the vocabulary instead of every list. With a sub-label its own words count too, so
        // only one-row labels are filtered.
        if prefilter, lower == nil, !mayName(whole) { return nil }
        // "Last name, first name" is the person, not the last course.
        if whole.hasPair("last", "name") || whole.hasPair("first", "name") { return (.fullName, 3) }
        // A planned course (its title, date, hours or programme) is no column of Appendix 1.
        if isPlannedCourse(whole) { return nil }
        // A sub-label decides only when it names a part of the course; an explanation typed
        // under the label (`(кк.аа.жжжж)`, `(тек сан)`) leaves the reading to the whole text.
        if let lower {
            let part = FoldedText(lower)
            if namesCoursePart(part), let course = courseFamily(markers: part, context: whole) { return course }
        }
        if whole.tokens.allSatisfy(HeaderVocabulary.numberWords.contains) { return (.no, 3) }
        if let course = courseFamily(markers: whole, context: whole) { return course }
        return others(whole)
    }

    /// Every word whose presence some meaning below requires (on a one-row label), and the
    /// stems likewise: without any of them, `read` answers nil whatever the rest says.
    static let anyMeaningWords = WordSet(
        HeaderVocabulary.numberWords.words.union(HeaderVocabulary.hoursWords.words).union(HeaderVocabulary.dateWords.words)
            .union(HeaderVocabulary.courseWords.words).union(HeaderVocabulary.emailWords.words)
            .union(HeaderVocabulary.electronicWords.words).union(HeaderVocabulary.nameWords.words)
            .union(HeaderVocabulary.personWords.words).union(HeaderVocabulary.programmeWords.words)
            .union(HeaderVocabulary.directionWords.words)
            .union(["name", "names", "mail", "e", "full", "last", "first"]))
    static let anyMeaningStems = HeaderVocabulary.courseStems + HeaderVocabulary.addressStems + HeaderVocabulary.phoneStems
        + HeaderVocabulary.contactStems + HeaderVocabulary.programmeStems + HeaderVocabulary.directionStems
        + HeaderVocabulary.schoolStrongStems + HeaderVocabulary.schoolStems

    static func mayName(_ whole: FoldedText) -> Bool {
        whole.hasAny(anyMeaningWords) || whole.hasPrefix(anyOf: anyMeaningStems)
    }

    /// Title, date or hours of the last course. Markers come from `markers`; the "course"
    /// context may come from a spanning upper cell.
    private static func courseFamily(markers: FoldedText, context: FoldedText) -> (meaning: ColumnMeaning, strength: Int)? {
        let isCourse = context.hasPrefix(anyOf: HeaderVocabulary.courseStems) || context.hasAny(HeaderVocabulary.courseWords)
        let foreign = context.hasAny(HeaderVocabulary.foreignDateWords)
        let hours = markers.hasAny(HeaderVocabulary.hoursWords) && !foreign
        let date = markers.hasAny(HeaderVocabulary.dateWords) && !foreign
        let title = markers.hasAny(HeaderVocabulary.titleWords)
        // "Last"/"completed" tells the last course from a planned or wished-for one.
        let last = context.hasPrefix(anyOf: HeaderVocabulary.lastStems) ? 2 : 0
        let strength = (isCourse ? 3 : 1) + last
        switch (hours, date) {
        case (true, false): return (.lastCourseHours, strength)
        // A course's start date yields to its end date: the last course is dated by its completion.
        case (false, true): return (.lastCourseDate, context.hasPrefix(anyOf: HeaderVocabulary.startStems) ? max(1, strength - 1) : strength)
        // One cell naming title, date and hours at once: the column holds the course as a whole.
        case (true, true): return isCourse ? (.lastCourse, 2) : nil
        case (false, false):
            guard isCourse, !isProgrammeOrDirectionOnly(markers) else { return nil }
            // "Біліктілігі" / "Квалификация" alone is more often a degree column than the course.
            let namesACourse = context.hasPrefix(anyOf: ["курс", "course", "арттыр", "повышен"])
                || context.hasAny(["пк", "cpd", "development", "training"])
            return (.lastCourse, namesACourse ? (title ? 3 : 2) + last : 1)
        }
    }

    private static func namesCoursePart(_ text: FoldedText) -> Bool {
        text.hasAny(HeaderVocabulary.hoursWords) || text.hasAny(HeaderVocabulary.dateWords)
            || text.hasAny(HeaderVocabulary.titleWords) || text.hasPrefix(anyOf: HeaderVocabulary.courseStems)
            || text.hasAny(HeaderVocabulary.courseWords)
    }

    private static func isPlannedCourse(_ text: FoldedText) -> Bool {
        (text.hasPrefix(anyOf: HeaderVocabulary.courseStems) || text.hasAny(HeaderVocabulary.courseWords))
            && text.hasPrefix(anyOf: HeaderVocabulary.plannedStems)
    }

    /// "Educational programme" mentions no course; "programme of the course" does. A cell that
    /// names a programme or direction without any course word is not the course column.
    private static func isProgrammeOrDirectionOnly(_ text: FoldedText) -> Bool {
        let course = text.tokens.contains { token in
            ["курс", "course", "біліктілік", "квалификац", "повышен"].contains { FoldedText.word(token, startsWith: $0) }
        } || text.has("пк") || text.has("cpd") || text.has("development")
        let other = text.hasPrefix(anyOf: HeaderVocabulary.programmeOrDirectionStems)
            || text.hasAny(HeaderVocabulary.directionWords)
        return other && !course
    }

    /// The label names a start (`Курс басталған күні`, `Дата начала`, `Start date`).
    static func namesStart(_ text: String) -> Bool {
        FoldedText(text).hasPrefix(anyOf: HeaderVocabulary.startStems)
    }

    /// The label names the training direction (possibly besides the programme), or a code.
    static func namesDirection(_ text: String) -> Bool {
        let folded = FoldedText(text)
        return folded.hasPrefix(anyOf: HeaderVocabulary.directionOrCodeStems)
            || folded.hasAny(HeaderVocabulary.directionWords)
    }

    private static func others(_ text: FoldedText) -> (meaning: ColumnMeaning, strength: Int)? {
        var best: (meaning: ColumnMeaning, strength: Int)?
        func offer(_ meaning: ColumnMeaning, _ strength: Int) {
            if strength > (best?.strength ?? 0) { best = (meaning, strength) }
        }
        let contactStrength = text.hasPrefix(anyOf: HeaderVocabulary.secondaryStems) ? 2 : 3
        if text.hasAny(HeaderVocabulary.emailWords) || text.hasPair("e", "mail") { offer(.email, contactStrength) }
        if text.hasAny(HeaderVocabulary.electronicWords), text.hasPrefix(anyOf: HeaderVocabulary.addressStems) {
            offer(.email, contactStrength)
        }
        if text.hasAny(HeaderVocabulary.nameWords) || text.hasPair("full", "name") { offer(.fullName, 3) }
        if text.has("name") || text.has("names") { offer(.fullName, 2) }
        if text.hasAny(HeaderVocabulary.personWords) { offer(.fullName, 1) }
        if text.hasPrefix(anyOf: HeaderVocabulary.phoneStems) { offer(.phone, contactStrength) }
        if text.hasPrefix(anyOf: HeaderVocabulary.contactStems) { offer(.phone, 1) }
        if text.hasPrefix(anyOf: HeaderVocabulary.programmeStems) || text.hasAny(HeaderVocabulary.programmeWords) {
            offer(.programme, 3)
        }
        if text.hasPrefix(anyOf: HeaderVocabulary.directionStems) || text.hasAny(HeaderVocabulary.directionWords) {
            // "Field of training … education" names the direction even though it says "education".
            offer(.trainingDirection, 3)
        }
        if text.hasPrefix(anyOf: HeaderVocabulary.schoolStrongStems) { offer(.school, 3) }
        if text.hasPrefix(anyOf: HeaderVocabulary.schoolStems) { offer(.school, 2) }
        return best
    }
}
