import Synchronization

/// `sitegen check`: everything a build would report, plus what a build lets pass: links in
/// the Markdown that point nowhere, images that do not exist, places nothing uses.
/// Renders the whole site in memory and writes nothing.
public enum SiteChecker {
    public static func check(_ options: BuildOptions) async -> [Diagnostic] {
        let loaded: LoadedSite
        do {
            var lenient = options
            lenient.strict = false
            loaded = try await SiteBuilder.load(lenient)
        } catch {
            return error.diagnostics
        }
        let ids = Mutex<[String: Set<String>]>([:])
        let rendered = try? await SiteRenderer.render(loaded, memo: RenderMemo(recordsNext: false)) { files in
            let found = files.map { ($0.path, RenderedIDs.scan($0)) }
            ids.withLock { all in
                for (path, set) in found { all[path] = set }
            }
        }
        let files = ids.withLock { $0 }
        let problems = LinkChecker(site: loaded.site, files: files, written: rendered?.paths ?? []).check()
            + UnusedPlaces.warnings(loaded.site)
        return (loaded.warnings + problems).sortedForDisplay()
    }
}

/// The `id` attributes of a rendered page, for checking `#fragment` links.
enum RenderedIDs {
    static func scan(_ file: OutputFile) -> Set<String> {
        guard file.path.hasSuffix(".html") else { return [] }
        let html: String
        switch file.contents {
        case .text(let text): html = text
        case .bytes(let bytes): html = String(decoding: bytes, as: UTF8.self)
        case .copy: return []
        }
        var ids = Set<String>()
        var rest = html[...]
        while let marker = rest.range(of: " id=\"") {
            let value = rest[marker.upperBound...].prefix(while: { $0 != "\"" })
            ids.insert(String(value))
            rest = rest[value.endIndex...]
        }
        return ids
    }
}

/// Places defined in places.yaml that no event, article or ```map block uses: often a misspelt id.
enum UnusedPlaces {
    static func warnings(_ site: Site) -> [Diagnostic] {
        // A place that only a ```map block marks is used too: it gets a map page.
        var used = Set(site.articles.flatMap { $0.placeIDs.map(\.value) }).union(MapEmbeds.placeIDs(in: site))
        for event in site.events {
            used.formUnion(event.placeIDs.map(\.value))
        }
        return site.places.values.filter { !used.contains($0.id) }.sorted { $0.id < $1.id }.map {
            .warning($0.location, "place `\($0.id)` is not used by any event or article; remove it or refer to it with `place: \($0.id)`")
        }
    }
}

import Foundation
