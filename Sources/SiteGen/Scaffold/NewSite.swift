import Foundation

/// `sitegen init DIR`: a new site that builds at once: site.yaml, a front page, one article,
/// two events, one place, one glossary term, and the default templates.
public enum NewSite {
    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
    }

    /// Creates the site; refuses a folder that exists and is not empty, so nothing is overwritten.
    public static func create(at folder: URL, title: String) throws {
        let manager = FileManager.default
        if let kind = FolderWalk.kind(of: folder.path), kind != .folder {
            throw Refusal(description: "\(folder.path) already exists and is not a folder; sitegen init only creates new sites")
        }
        if let existing = try? manager.contentsOfDirectory(atPath: folder.path), !existing.isEmpty {
            throw Refusal(description: "\(folder.path) already exists and is not empty; sitegen init only creates new sites")
        }
        do {
            for (path, text) in files(title: title) {
                let target = folder.appendingPathComponent(path)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: target, options: .withoutOverwriting)
            }
            try DefaultTemplates.write(to: folder.appendingPathComponent("Templates"))
        } catch {
            throw Refusal(description: FileError(error, path: folder.path, "cannot write").description)
        }
    }

    static func files(title: String) -> [(String, String)] {
        [
            ("site.yaml", """
                title: \(NewContent.quoted(title))
                description: Baggrund, tidslinje og ordliste.
                language: da
                baseURL: https://example.org/
                timezone: Europe/Copenhagen
                publisher: Redaktionen

                """),
            ("content/index.md", """
                ---
                title: \(NewContent.quoted(title))
                summary: Det vigtigste om sagen i én sætning.
                ---
                Skriv forklaringen her. Følg begivenhederne på [tidslinjen](/tidslinje/), og slå ord op i [ordlisten](/ordliste/).

                """),
            ("content/articles/baggrund.md", """
                ---
                title: Baggrunden
                date: 2022-01-05T12:00:00+01:00
                summary: Hvad der gik forud.
                tags: [baggrund]
                places: [hovedstaden]
                ---
                En artikel. Skriv hvem der siger hvad, og hvor oplysningerne kommer fra, fx når der indføres undtagelsestilstand.

                """),
            ("content/events/2022-01-04-foerste-melding.md", """
                ---
                title: De første meldinger
                date: 2022-01-04
                place: hovedstaden
                sources: [Ritzau]
                status: reported
                key: true
                tags: [baggrund]
                ---
                Hvad skete der, ifølge hvem?

                """),
            ("content/events/2022-01-05-bekraeftelse.md", """
                ---
                title: Myndighederne bekræfter
                date: 2022-01-05T14:00:00+01:00
                place: hovedstaden
                sources:
                  - name: Ritzau
                    via: Reuters
                status: confirmed
                tags: [baggrund]
                ---
                En begivenhed med et klokkeslæt og en kilde, der er nået frem via et andet bureau.

                """),
            ("content/places.yaml", """
                hovedstaden:
                  name: København
                  lat: 55.68
                  lon: 12.57
                  precision: city
                  timezone: Europe/Copenhagen

                """),
            ("content/glossary/undtagelsestilstand.md", """
                ---
                title: undtagelsestilstand
                aliases: [nødretstilstand]
                short: En midlertidig tilstand, hvor myndighederne får ekstra beføjelser.
                ---
                Den fulde forklaring af ordet.

                """),
        ]
    }
}
