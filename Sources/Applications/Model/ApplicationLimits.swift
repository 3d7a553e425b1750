/// Every bound the Applications module applies; defaults follow samples/README.md.
public struct ApplicationLimits: Sendable, Equatable {
    /// Hours of the last course outside this range are `out_of_range`.
    public var hoursRange: ClosedRange<Int> = 1...2000
    /// How many rows from the top of a table are searched for the header. Titles and approval
    /// blocks above the header rarely take more than a dozen rows.
    public var headerSearchRows: Int = 40
    /// Dates before this year are not taken as a real last-course date (a year typed as a
    /// number, `2023`, would otherwise read as the Excel serial day 2023 = 1905-07-15).
    public var earliestCourseYear: Int = 1950
    /// A cell longer than this (in UTF-8 bytes, about 500 Cyrillic letters) is data, never a
    /// column label: the header search does not read it word by word.
    public var maxHeaderLabelBytes: Int = 1_000
    /// Tables with at least this many rows are read on two threads (`RowBlock`). Smaller ones,
    /// every ordinary application, are read on one: the bot already reads several messages at
    /// once, and a second level of threads there only adds memory.
    public var parallelRowsMinimum: Int = 2_000
    /// Rows looked at per table; the Documents limits already bound the file, this bounds the work.
    public var maxRows: Int = 100_000

    /// The defaults above.
    public init() {}
}
