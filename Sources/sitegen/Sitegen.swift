import ArgumentParser
import Foundation
import SiteGen

@main
struct Sitegen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "A static site generator for crisis explainers.",
        discussion: """
            Turns content/ (Markdown with YAML front matter: articles, timeline events, places, \
            glossary terms) and Templates/ (Mustache) into a static site in public/.
            """,
        subcommands: [Build.self, Check.self, Serve.self, New.self, Init.self, Extract.self],
        defaultSubcommand: nil
    )
}

/// Options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder, holding site.yaml, content/ and Templates/.", valueName: "dir"))
    var source: String = "."

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    var drafts = false

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    var sourceURL: URL { URL.resolvingAgainstCurrentFolder(source) }
}

extension URL {
    /// A path typed on the command line, relative to where the command runs.
    static func resolvingAgainstCurrentFolder(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
    }
}

extension Duration {
    /// Whole milliseconds, for the lines that report how long a build took.
    var milliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}

/// Prints problems the way compilers do, with the lines around each, on standard error.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic], site: URL) {
        let sources = SiteFiles(root: site).texts(namedIn: diagnostics)
        let text = DiagnosticFormatter(sources: sources).format(diagnostics)
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// `error: …` on standard error, for a command refused before any site is read.
    static func refuse(_ reason: String) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(reason)\n".utf8))
        return ExitCode.failure
    }

    static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        return [errors > 0 ? "\(errors) error\(errors == 1 ? "" : "s")" : nil, warnings > 0 ? "\(warnings) warning\(warnings == 1 ? "" : "s")" : nil]
            .compactMap { $0 }.joined(separator: " and ")
    }
}
