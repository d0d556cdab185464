import Foundation
import SiteGenTestSupport

/// Building blocks for inline test sites.
enum Sites {
    static let siteYAML = """
        title: Uroen i Kasakhstan
        language: da
        baseURL: https://example.org/
        timezone: Europe/Copenhagen
        publisher: Testredaktionen
        """

    static let frontPage = """
        ---
        title: Uroen i Kasakhstan
        summary: Et overblik.
        ---
        Følg forløbet på [tidslinjen](/tidslinje/).
        """

    static let places = """
        almaty:
          name: Almaty
          lat: 43.25
          lon: 76.92
          precision: city
          timezone: Asia/Almaty
        """

    /// A site with the usual site.yaml, front page and places, plus `files` (more `-- path --` sections).
    static func archive(siteYAML: String = siteYAML, _ files: String = "") -> String {
        """
        -- site.yaml --
        \(siteYAML)
        -- content/index.md --
        \(frontPage)
        -- content/places.yaml --
        \(places)
        \(files)
        """
    }
}

extension String {
    /// The text of HTML without its tags, for asserting on what a reader sees.
    var strippingTags: String {
        replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
    }

    /// The lines that contain `needle`.
    func lines(containing needle: String) -> [String] {
        split(separator: "\n").filter { $0.contains(needle) }.map(String.init)
    }
}
