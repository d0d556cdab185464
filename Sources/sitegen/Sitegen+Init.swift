import ArgumentParser
import Foundation
import SiteGen

extension Sitegen {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new site folder that builds at once.",
            discussion: """
                Writes site.yaml, a content/ folder with a front page, one article, two events, \
                one place and one glossary term, and sitegen's default Templates/. Refuses a \
                folder that exists and is not empty.
                """
        )

        @Argument(help: ArgumentHelp("The folder to create.", valueName: "dir"))
        var folder: String

        @Option(name: .long, help: "The site's title.")
        var title: String = "Ny forklaring"

        func run() throws {
            let url = URL.resolvingAgainstCurrentFolder(folder)
            do {
                try NewSite.create(at: url, title: title)
            } catch let refusal as NewSite.Refusal {
                throw DiagnosticPrinter.refuse(refusal.description)
            }
            print("Created \(folder)/ with site.yaml, content/ and Templates/.")
            print("Next: cd \(folder) && sitegen serve")
        }
    }
}
