import ArgumentParser
import Extract
import Foundation

extension Sitegen {
    struct Extract: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        static let configuration = CommandConfiguration(
            abstract: "Draft timeline events, places, sources and glossary terms from agency copy.",
            discussion: """
                Reads news text (plain text or Markdown, Danish or English) and writes draft events \
                into content/events/<day>-<input>.yaml, in the format of the event data files: a \
                date resolved against the publication time, places found in content/places.yaml or \
                sitegen's gazetteer (new ones are added to places.yaml), sources with their chains, \
                and the status the text supports (never `confirmed`). Every event is a draft, with \
                the input line it came from: review it, remove `draft: true`, then build. Never \
                overwrites a file or a place.

                Example:
                  sitegen extract ritzau-uro.txt --published 2022-01-05T11:42:00+01:00 --source Ritzau --dry-run
                  sitegen extract - --published 2022-01-05T11:42:00+01:00 --format json < copy.txt
                """
        )

        @Argument(help: ArgumentHelp("Text files to read; `-` reads standard input.", valueName: "file"))
        var files: [String]

        @Option(name: .long, help: ArgumentHelp("When the text was published (ISO 8601 with offset), e.g. 2022-01-05T11:42:00+01:00. Needed unless the text has a dated dateline.", valueName: "iso8601"))
        var published: String?

        @Option(name: .long, help: ArgumentHelp("The agency that delivered the text (e.g. Ritzau); it ends every source chain.", valueName: "name"))
        var source: String?

        @Option(name: .long, help: ArgumentHelp("The events file to write, relative to the site folder (default: content/events/<day>-<input>.yaml).", valueName: "path"))
        var output: String?

        @Option(name: .long, help: "text: a summary for the editor; json: one JSON object on standard output.")
        var format: Format = .text

        @Flag(name: .long, help: "Write nothing; only print what would be written.")
        var dryRun = false

        @Flag(name: .long, help: "Also write draft glossary files for new term candidates (never over an existing file).")
        var writeTerms = false

        @Option(name: .long, help: ArgumentHelp("The site folder, holding site.yaml and content/.", valueName: "dir"))
        var site: String = "."

        func run() throws {
            var inputs: [Extractor.Input] = []
            for file in files {
                if file == "-" {
                    inputs.append(Extractor.Input(name: "-", text: String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)))
                    continue
                }
                guard let data = FileManager.default.contents(atPath: URL.resolvingAgainstCurrentFolder(file).path) else {
                    throw DiagnosticPrinter.refuse("cannot read `\(file)`")
                }
                inputs.append(Extractor.Input(name: file, text: String(decoding: data, as: UTF8.self)))
            }
            let siteURL = URL.resolvingAgainstCurrentFolder(site)
            let content = SiteContext.read(siteURL)
            let extraction: Extraction
            do {
                extraction = try Extractor.extract(inputs, options: Extractor.Options(published: published, source: source),
                                                   site: content, gazetteer: try Gazetteer.bundled())
            } catch let error as ExtractionError {
                throw DiagnosticPrinter.refuse(error.description)
            }
            var written: ExtractionWriter.Written?
            if !dryRun {
                let path = output ?? ExtractionWriter.defaultEventsPath(inputs: files, firstDay: extraction.published)
                do {
                    written = try ExtractionWriter(site: siteURL, language: content.language)
                        .write(extraction, eventsPath: path, inputs: inputs.map(\.name), writeTerms: writeTerms)
                } catch let refusal as ExtractionWriter.Refusal {
                    throw DiagnosticPrinter.refuse(refusal.description)
                }
            }
            switch format {
            case .text: print(ExtractionReport.text(extraction, written: written, dryRun: dryRun), terminator: "")
            case .json: print(ExtractionReport.json(extraction), terminator: "")
            }
        }
    }
}
