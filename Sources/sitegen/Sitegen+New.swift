import ArgumentParser
import Foundation
import SiteGen

extension NewContent.Kind: ExpressibleByArgument {}

extension Sitegen {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new article, event, glossary term or place.",
            discussion: """
                Writes a file with the right front matter (the file name is made from the title, \
                Danish letters spelt out: æ→ae, ø→oe, å→aa) and prints its path. Never overwrites: \
                an existing file is an error. A place is added to content/places.yaml.
                """
        )

        @Argument(help: ArgumentHelp("What to create: \(NewContent.Kind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "kind"))
        var kind: NewContent.Kind

        @Argument(help: "The title (the headword for a term, the name for a place).")
        var title: String

        @Option(name: .long, help: ArgumentHelp("The date, e.g. 2022-01-05 or 2022-01-05T14:00:00+06:00 (default: now).", valueName: "iso8601"))
        var date: String?

        @Option(name: .long, help: ArgumentHelp("The place id of an event, from content/places.yaml.", valueName: "id"))
        var place: String?

        @Option(name: .long, help: "A place's latitude in decimal degrees.")
        var lat: Double?

        @Option(name: .long, help: "A place's longitude in decimal degrees.")
        var lon: Double?

        @Option(name: .long, help: ArgumentHelp("A place's IANA time zone, e.g. Asia/Almaty.", valueName: "zone"))
        var timezone: String?

        @Option(name: .long, help: ArgumentHelp("The site folder.", valueName: "dir"))
        var source: String = "."

        func run() throws {
            let site = URL.resolvingAgainstCurrentFolder(source)
            let request = NewContent.Request(kind: kind, title: title, date: date, place: place, latitude: lat, longitude: lon, timeZone: timezone)
            do {
                print(try NewContent.create(request, in: site))
            } catch let refusal as NewContent.Refusal {
                throw DiagnosticPrinter.refuse(refusal.description)
            }
        }
    }
}
