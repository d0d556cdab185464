import Markdown

/// A map in a Markdown body, written as a fenced code block with the info string `map`:
///
///     ```map
///     places: [almaty, aktau, zhanaozen]
///     caption: Protesterne begyndte i Zhanaozen og bredte sig til Almaty.
///     ```
struct MapEmbed: Sendable {
    static let keys = ["places", "caption"]

    var places: [Located<String>]
    var caption: String?

    /// Reads the block's YAML with whole-file positions; nil when it cannot be drawn.
    static func parse(_ code: String, path: String, fenceLine: Int) -> (MapEmbed?, [Diagnostic]) {
        let (read, syntaxError) = FieldReader.fencedBlock(code, path: path, fenceLine: fenceLine, what: "a ```map block", keys: keys)
        guard var fields = read else { return (nil, syntaxError) }
        let fenceLocation = SourceLocation(path: path, line: fenceLine)
        let places = fields.locatedStrings("places")
        let caption = fields.string("caption")
        if places.isEmpty {
            fields.report(.error(fields.value("places")?.location ?? fenceLocation,
                "a ```map block needs the places to mark, e.g. `places: [almaty, aktau]`"))
        }
        return (places.isEmpty ? nil : MapEmbed(places: places, caption: caption), fields.diagnostics)
    }
}

/// Finds, checks and draws the ```map blocks of every body.
enum MapEmbeds {
    /// Every map block in the site, parsed, with its problems.
    static func all(in site: Site) -> [(embed: MapEmbed?, diagnostics: [Diagnostic])] {
        var found: [(embed: MapEmbed?, diagnostics: [Diagnostic])] = []
        for entry in site.bodies(where: { _, body in body.embeds.contains(.map) }) {
            let (path, body) = (entry.location.path, entry.body)
            visitMapBlocks(body.document.blocks) { code, position in
                // Body lines count from 1 at `firstLine`; the block's YAML starts after its fence.
                let fenceLine = body.firstLine + position.line - 1
                found.append(MapEmbed.parse(code, path: path, fenceLine: fenceLine))
            }
        }
        return found
    }

    static func check(_ site: Site, embeds: [(embed: MapEmbed?, diagnostics: [Diagnostic])]) -> [Diagnostic] {
        let ids = site.places.keys.sorted()
        return embeds.flatMap { embed, diagnostics in
            diagnostics + (embed?.places ?? []).filter { site.places[$0.value] == nil }.map { reference in
                .error(reference.location,
                    "unknown place `\(reference.value)` in a ```map block\(Suggestion.didYouMean(reference.value, among: ids)) Places are defined in content/places.yaml.")
            }
        }
    }

    /// Ids of places that maps in bodies mark, so they get a page to link to.
    static func placeIDs(in embeds: [(embed: MapEmbed?, diagnostics: [Diagnostic])]) -> Set<String> {
        Set(embeds.flatMap { $0.embed?.places.map(\.value) ?? [] })
    }

    static func placeIDs(in site: Site) -> Set<String> {
        placeIDs(in: all(in: site))
    }

    /// The tree transform the body renderer applies: each ```map block becomes `render`'s figure.
    static func transform(_ render: @escaping @Sendable (MapEmbed) -> String) -> BodyTransform {
        { blocks in
            blocks.rewritingBlocks { block in
                guard case .codeBlock(let info, let code, let position) = block, isMap(info),
                      let embed = MapEmbed.parse(code, path: "", fenceLine: position.line).0
                else { return nil }
                return [.trustedHTML(render(embed))]
            }
        }
    }

    static func isMap(_ info: String) -> Bool {
        info.split(separator: " ").first == "map"
    }

    /// Calls `found` for each ```map block, in blockquotes and lists too, without building
    /// arrays on the way: this walks every body of the site.
    private static func visitMapBlocks(_ blocks: [BlockNode], _ found: (String, SourcePosition) -> Void) {
        blocks.forEachBlock { block in
            if case .codeBlock(let info, let code, let position) = block, isMap(info) { found(code, position) }
        }
    }
}
