import ArgumentParser
import Bot
import Config
import Foundation

/// Options every command takes. Their defaults follow from where cpdbot is installed
/// (`InstallationLayout`): `/etc/cpdbot/cpdbot.yml` and `/usr/share/cpdbot/templates` for the
/// package, `config/cpdbot.yml` and `templates` for a binary run from a checkout.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The configuration file (YAML). Every key can also be set as CPDBOT_<SECTION>_<KEY>.",
        discussion: "Default: /etc/cpdbot/cpdbot.yml when installed, config/cpdbot.yml in a checkout."))
    var config: String?

    @Option(name: .long, help: ArgumentHelp(
        "The folder of message templates (one folder per language: kk, ru, en).",
        discussion: "Default: /usr/share/cpdbot/templates when installed, templates in a checkout."))
    var templates: String?

    @Option(name: .long, help: "Log lines as text (with journald priorities under systemd) or as JSON objects.")
    var logFormat: LogFormat = .text

    /// The configuration file to read; a missing default file means defaults and the environment.
    var configurationFile: String { config ?? InstallationLayout.current().configurationFile }
    var configurationFileWasNamed: Bool { config != nil }
    var templatesDirectory: String { templates ?? InstallationLayout.current().templatesDirectory }

    /// policy.yml and holidays-kz.yml: next to templates given by hand in a checkout (the
    /// project's layout), otherwise where the installation keeps them.
    var ruleFiles: RuleFiles {
        let layout = InstallationLayout.current()
        if let templates, !layout.isInstalled {
            return RuleFiles(nextTo: URL(fileURLWithPath: templates))
        }
        return RuleFiles(policy: URL(fileURLWithPath: layout.ruleFile("policy.yml")),
                         holidays: URL(fileURLWithPath: layout.ruleFile("holidays-kz.yml")))
    }
}
