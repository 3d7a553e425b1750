import Documents
import Foundation
import Regulation

/// The Plan as an xlsx file for the announcement: one row per participant per course, with the
/// columns of DESIGN.md "DSHR commands" (so the file reads back as a Plan).
enum PlanWorkbook {
    static let header = ["course_id", "title", "competency_group", "audience", "kind", "location", "term", "hours",
                         "start_date", "end_date", "language", "delivery", "cost_kzt", "participant_email"]

    static func xlsx(_ plan: Plan, sheetName: String) throws(CycleError) -> [UInt8] {
        let courses = Dictionary(plan.courses.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rows: [[SpreadsheetWriter.Value]] = plan.assignments.compactMap { assignment in
            guard let c = courses[assignment.courseID] else { return nil }
            return [.text(c.id), .text(c.title), .text(c.group.rawValue), .text(c.audience.rawValue), .text(c.kind.rawValue),
                    .text(c.location.rawValue), .text(c.term.rawValue), .number(Double(c.hours)), .text(c.startDate.iso),
                    .text(c.endDate.iso), .text(c.language.rawValue), .text(c.delivery.rawValue),
                    .number(Double(c.costKZT)), .text(assignment.participantEmail)]
        }
        let widths: [Double] = [10, 40, 24, 8, 16, 10, 8, 7, 11, 11, 8, 9, 11, 30]
        do {
            return [UInt8](try SpreadsheetWriter.xlsx([.init(name: sheetName, header: header, rows: rows, columnWidths: widths)]))
        } catch {
            throw .workbook(error.description)
        }
    }
}
