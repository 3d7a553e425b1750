// Applications: Appendix 1 ("Өтінім") read by meaning. Pure: tables in, values out.
//
// The path, one folder per step:
//   Reading/ApplicationReader   bytes (via Documents) or tables → ApplicationReading
//   Reading/TableChooser        which table of the document is the application
//   Header/HeaderFinder         which row(s) are the header, which column means what
//   Vocabulary/                 the kk/ru/en words for each column (HeaderVocabulary),
//                               read from folded text (FoldedText, HeaderCellMeaning, NamePart)
//   Rows/RowClassifier          employee rows versus titles, totals, footers, template rows
//   Values/                     one normaliser per kind of cell: text, №, date, hours, phone, e-mail
//   Reading/RowValidator        one record and its problems per employee row
//   Model/                      the records (ApplicationRow, RowProblem, ApplicationReading, …)
//   Output/                     the JSON records of expected.json and advice for people
//
// The rules are samples/README.md's; every bound is in ApplicationLimits.
