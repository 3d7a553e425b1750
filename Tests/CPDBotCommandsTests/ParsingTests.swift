import ArgumentParser
import Bot
import Testing
@testable import CPDBotCommands

/// Every command's arguments, through `parseAsRoot` as the executable parses them: what a
/// valid command line sets, and that an unusable one is refused as a usage error (which the
/// executable turns into exit 2, DESIGN.md) with a message that names what is wrong.
@Suite struct ParsingTests {
    /// Parses `arguments` as `cpdbot …` and expects a command of type `T`.
    func parse<T: ParsableCommand>(_ arguments: [String], as type: T.Type = T.self) throws -> T {
        let command = try CPDBot.parseAsRoot(arguments)
        return try #require(command as? T, "\(arguments) gave \(Swift.type(of: command))")
    }

    /// Expects `arguments` to be refused as a usage error whose message contains `words`.
    func refuses(_ arguments: [String], saying words: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let command = try CPDBot.parseAsRoot(arguments)
            Issue.record("\(arguments) was accepted as \(type(of: command))", sourceLocation: sourceLocation)
        } catch {
            #expect(CPDBot.exitCode(for: error) == .validationFailure, "\(arguments): \(error)", sourceLocation: sourceLocation)
            let message = CPDBot.fullMessage(for: error)
            #expect(message.contains(words), "\(arguments): \(message)", sourceLocation: sourceLocation)
        }
    }

    @Test func globalOptionsAreTakenByEveryCommand() throws {
        let poll = try parse(["poll", "--config", "/tmp/c.yml", "--templates", "/tmp/t", "--log-format", "json", "--json"],
                             as: PollCommand.self)
        #expect(poll.global.config == "/tmp/c.yml")
        #expect(poll.global.templates == "/tmp/t")
        #expect(poll.global.logFormat == .json)
        #expect(poll.global.configurationFileWasNamed)
        #expect(poll.json)
        let run = try parse(["run"], as: RunCommand.self)
        #expect(run.global.config == nil && run.global.logFormat == .text)
        refuses(["run", "--log-format", "xml"], saying: "--log-format")
        refuses(["poll", "--config"], saying: "--config")
        refuses(["poll", "--unknown"], saying: "--unknown")
        refuses(["nonsense"], saying: "nonsense")
    }

    @Test func validateAndInspect() throws {
        let validate = try parse(["validate", "a.xlsx", "b.csv", "--json", "--today", "2026-05-31"], as: ValidateCommand.self)
        #expect(validate.files == ["a.xlsx", "b.csv"])
        #expect(validate.json && validate.today == "2026-05-31")
        // No file is a run-time error (exit 2 with one line), not a parse error.
        #expect(try parse(["validate"], as: ValidateCommand.self).files.isEmpty)
        let inspect = try parse(["inspect", "m.eml", "--json"], as: InspectCommand.self)
        #expect(inspect.file == "m.eml" && inspect.json)
        refuses(["inspect"], saying: "<file>")
        refuses(["inspect", "a.eml", "b.eml"], saying: "b.eml")
    }

    @Test func calendarAndObligation() throws {
        let deadline = try parse(["calendar", "deadline", "--approved", "2026-06-10", "--working-days", "10", "--json",
                                  "--policy", "p.yml", "--holidays", "h.yml"], as: CalendarDeadlineCommand.self)
        #expect(deadline.rules.policyOption == "p.yml" && deadline.rules.holidaysOption == "h.yml")
        #expect(deadline.json)
        #expect(deadline.approved == "2026-06-10" && deadline.workingDays == 10)
        refuses(["calendar", "deadline", "--approved", "2026-06-10", "--working-days", "many"], saying: "many")
        refuses(["calendar", "deadline"], saying: "--approved")

        let obligation = try parse(["obligation", "--cost", "450000", "--start", "2026-03-01",
                                    "--end-reason", "resigned", "--on", "2027-01-15"], as: ObligationCommand.self)
        #expect(obligation.cost == 450_000 && obligation.start == "2026-03-01" && obligation.on == "2027-01-15")
        #expect(obligation.endReason != nil)
        refuses(["obligation", "--start", "2026-03-01"], saying: "--cost")
        refuses(["obligation", "--cost=-1", "--start", "2026-03-01"], saying: "--cost cannot be negative")
        refuses(["obligation", "--cost", "1", "--start", "2026-03-01", "--on", "2027-01-15"],
                saying: "--end-reason and --on go together")
        refuses(["obligation", "--cost", "1", "--start", "2026-03-01", "--end-reason", "bored", "--on", "2027-01-15"],
                saying: "bored")
    }

    @Test func planCommands() throws {
        let check = try parse(["plan", "check", "plan.xlsx", "--approved", "10.06.2026", "--roster", "r.csv",
                               "--cycle", "2026-2027", "--json"], as: PlanCheckCommand.self)
        #expect(check.file == "plan.xlsx" && check.approved == "10.06.2026" && check.roster == "r.csv")
        #expect(check.cycle == "2026-2027" && check.json)
        refuses(["plan", "check"], saying: "<file>")
        let announce = try parse(["plan", "announce", "--cycle", "2026-2027", "--yes", "--no-send"], as: PlanAnnounceCommand.self)
        #expect(announce.cycle == "2026-2027" && announce.yes && announce.noSend)
        refuses(["plan", "announce"], saying: "--cycle")
        let status = try parse(["plan", "status", "--cycle", "2026-2027", "--json"], as: PlanStatusCommand.self)
        #expect(status.cycle == "2026-2027" && status.json)
        refuses(["plan", "status"], saying: "--cycle")
    }

    @Test func remindReportStatusCheckPurgeOutbox() throws {
        let remind = try parse(["remind", "--today", "2026-05-01", "--call-on", "04-20", "--no-send", "--json"], as: RemindCommand.self)
        #expect(remind.today == "2026-05-01" && remind.callOn == "04-20" && remind.noSend && remind.json)
        let compliance = try parse(["report", "compliance", "--as-of", "2026-09-01", "--format", "json"],
                                   as: ReportComplianceCommand.self)
        #expect(compliance.asOf == "2026-09-01" && compliance.format == .json)
        refuses(["report", "compliance", "--format", "pdf"], saying: "pdf")
        #expect(try parse(["status", "--json"], as: StatusCommand.self).json)
        let check = try parse(["check", "--json", "--offline"], as: CheckCommand.self)
        #expect(check.json && check.offline)
        #expect(try parse(["purge", "--dry-run"], as: PurgeCommand.self).dryRun)
        let outbox = try parse(["outbox", "--flush", "--json", "--state", "queued"], as: OutboxCommand.self)
        #expect(outbox.flush && outbox.json && outbox.state == "queued")
    }

    @Test func backupAndRestore() throws {
        let toFile = try parse(["backup", "--to", "b.tar.gz"], as: BackupCommand.self)
        #expect(toFile.to == "b.tar.gz" && toFile.into == nil && toFile.keep == 14)
        let nightly = try parse(["backup", "--into", "/var/backups/cpdbot", "--keep", "3"], as: BackupCommand.self)
        #expect(nightly.into == "/var/backups/cpdbot" && nightly.keep == 3)
        refuses(["backup"], saying: "give either --to FILE or --into DIR")
        refuses(["backup", "--to", "a", "--into", "b"], saying: "give either --to FILE or --into DIR")
        refuses(["backup", "--into", "b", "--keep", "0"], saying: "--keep must be at least 1")
        let restore = try parse(["restore", "b.tar.gz", "--store", "/var/lib/cpdbot"], as: RestoreCommand.self)
        #expect(restore.file == "b.tar.gz" && restore.store == "/var/lib/cpdbot")
        refuses(["restore", "b.tar.gz"], saying: "--store")
        refuses(["restore", "--store", "s"], saying: "<file>")
    }

    @Test func personAndExport() throws {
        let show = try parse(["person", "show", "a@kazguu.kz", "--json"], as: PersonShowCommand.self)
        #expect(show.email == "a@kazguu.kz" && show.json)
        #expect(try parse(["person", "erase", "a@kazguu.kz", "--yes"], as: PersonEraseCommand.self).yes)
        refuses(["person", "erase", "a@kazguu.kz"], saying: "add --yes to confirm")
        refuses(["person", "show"], saying: "<email>")
        let export = try parse(["export", "applications", "--cycle", "2026-2027", "--format", "xlsx", "-o", "a.xlsx"],
                               as: ExportApplicationsCommand.self)
        #expect(export.cycle == "2026-2027" && export.format == .xlsx && export.output == "a.xlsx")
        refuses(["export", "applications", "--cycle", "2026"], saying: "--cycle takes the form 2026-2027")
        refuses(["export", "applications", "--cycle", "2026-2027", "--format", "xlsx"], saying: "xlsx needs --output FILE")
    }

    @Test func certificateCommands() throws {
        let verify = try parse(["certificate", "verify", "CPD-2026-00001", "7K2M-9QXD"], as: CertificateVerifyCommand.self)
        #expect(verify.number == "CPD-2026-00001" && verify.code == "7K2M-9QXD")
        refuses(["certificate", "verify", "CPD-2026-00001"], saying: "<code>")
        let show = try parse(["certificate", "show", "CPD-2026-00001", "--pdf", "c.pdf"], as: CertificateShowCommand.self)
        #expect(show.number == "CPD-2026-00001" && show.pdf == "c.pdf")
        let reissue = try parse(["certificate", "reissue", "CPD-2026-00001", "--pdf", "d.pdf", "--name", "Әсем Нұрланқызы"],
                                as: CertificateReissueCommand.self)
        #expect(reissue.pdf == "d.pdf" && reissue.name == "Әсем Нұрланқызы")
        refuses(["certificate", "reissue", "CPD-2026-00001"], saying: "--pdf")
    }
}
