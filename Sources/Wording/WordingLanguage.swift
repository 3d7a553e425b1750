/// The languages a mail is written in. Wording is pure: values in, text out.
public enum WordingLanguage: String, Sendable, Hashable, CaseIterable {
    case kk, ru, en
}
