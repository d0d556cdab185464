import ArgumentParser
import Foundation
import SiteGen

extension Sitegen {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the site without writing anything.",
            discussion: """
                Loads and renders the whole site in memory and reports every problem as \
                path:line:col: everything a build reports, plus links and #fragments in the \
                Markdown that point nowhere, missing images, and unused places (warnings). \
                Exits 0 when there are no errors (and, with --strict, no warnings).
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @OptionGroup var site: SiteOptions

        @Option(name: .long, help: "Output format: text for people, json for other tools.")
        var format: Format = .text

        func run() async throws {
            let source = site.sourceURL
            let options = BuildOptions(source: source, includeDrafts: site.drafts, strict: site.strict)
            let diagnostics = await SiteChecker.check(options)
            let failed = diagnostics.hasErrors || (site.strict && !diagnostics.isEmpty)
            switch format {
            case .text:
                if !diagnostics.isEmpty { DiagnosticPrinter.print(diagnostics, site: source) }
                let verdict = diagnostics.isEmpty ? "no problems" : DiagnosticPrinter.summary(diagnostics)
                print("sitegen check: \(verdict)")
            case .json:
                print(DiagnosticJSON.encode(diagnostics))
            }
            if failed { throw ExitCode.failure }
        }
    }
}

/// Diagnostics as a JSON array for editors' tools and CI annotations, with stable key order.
enum DiagnosticJSON {
    struct Entry: Encodable {
        var severity: String
        var path: String
        var line: Int
        var column: Int
        var message: String
    }

    static func encode(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "[]" }
        let entries = diagnostics.map {
            Entry(severity: $0.severity.rawValue, path: $0.location.path, line: $0.location.line,
                  column: $0.location.column, message: $0.message)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(entries)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}
