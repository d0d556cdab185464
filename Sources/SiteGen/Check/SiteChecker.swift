import Synchronization

/// `sitegen check`: everything a build would report, plus what a build lets pass: links in
/// the Markdown that point nowhere, images that do not exist, places nothing uses.
/// Renders the whole site in memory and writes nothing.
public enum SiteChecker {
    public static func check(_ options: BuildOptions) async -> [Diagnostic] {
        var loaded: LoadedSite
        do {
            var lenient = options
            lenient.strict = false
            lenient.writesImageCache = false
            loaded = try await SiteBuilder.load(lenient)
        } catch {
            return error.diagnostics
        }
        let unusedPlaces = UnusedPlaces.warnings(loaded.site)
        let ids = RenderedIDs.Collector(only: await LinkChecker.fragmentTargets(of: loaded.links, in: loaded.site))
        let rendered = try? await SiteRenderer.render(loaded, memo: RenderMemo(recordsNext: false)) { ids.add($0) }
        let problems = await LinkChecker(site: loaded.site, links: loaded.links, written: rendered?.paths ?? [], ids: { ids.ids(of: $0) ?? [] }).check()
            + unusedPlaces
        return (loaded.warnings + problems).sortedForDisplay()
    }
}

/// The `id` attributes of a rendered page, for checking `#fragment` links.
enum RenderedIDs {
    static func scan(_ file: OutputFile) -> Set<String> {
        guard file.path.hasSuffix(".html") else { return [] }
        switch file.contents {
        case .text(let text): return Set(IDAttributes.values(in: text))
        case .bytes(let bytes): return bytes.withUnsafeBufferPointer { Set(IDAttributes.values(in: $0)) }
        case .copy: return []
        }
    }

    /// The ids of a page already written, read from disk.
    static func scan(file path: String) -> Set<String> {
        guard path.hasSuffix(".html"), let data = FileManager.default.contents(atPath: path) else { return [] }
        return data.withUnsafeBytes { Set(IDAttributes.values(in: $0.bindMemory(to: UInt8.self))) }
    }

    /// Gathers the ids of the pages `#fragment` links point to as the renderer hands the pages
    /// out, from several tasks. Reading every page's ids was 4 % of a large build.
    final class Collector: Sendable {
        private let wanted: Set<String>
        private let found = Mutex<[String: Set<String>]>([:])

        /// `wanted`: the output paths whose ids are asked for.
        init(only wanted: Set<String>) {
            self.wanted = wanted
        }

        func add(_ files: [OutputFile]) {
            let scanned = files.filter { wanted.contains($0.path) }.map { ($0.path, RenderedIDs.scan($0)) }
            guard !scanned.isEmpty else { return }
            found.withLock { all in
                for (path, ids) in scanned { all[path] = ids }
            }
        }

        /// nil for a file that was not handed out.
        func ids(of path: String) -> Set<String>? {
            found.withLock { $0[path] }
        }
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
