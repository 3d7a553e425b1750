/// A rectangular merged region, 1-based rows and 0-based columns, inclusive.
struct MergeRegion: Equatable {
    var firstRow: Int
    var firstColumn: Int
    var lastRow: Int
    var lastColumn: Int
}
