/// What the last build rendered, each piece under the fingerprint of everything it was made
/// from. `sitegen serve` hands it to the next build, which renders only what an edit changed:
/// a body, the list entries of the item edited, and the pages and files whose inputs differ.
/// A plain `sitegen build` starts from an empty memo, so both go through the same code.
struct RenderMemo: Sendable {
    /// Bodies, list entries, timeline entries, mentions and export texts, by key.
    var fragments: [Int: Fragment] = [:]
    /// Every output file's key, by path. Empty before the first build, which renders all.
    var files: [String: Int] = [:]
    /// True once a build has filled it; the output folder then holds every file in `files`.
    var isFilled = false
    /// Whether a render from this memo keeps what it makes for the next one. A plain build
    /// has no next one and would only hold every fragment of the site in memory longer.
    var recordsNext = true

    /// Whether pages need their keys: to find them in this memo or to keep them for the next
    /// build. A plain build has neither and spares fingerprinting every page.
    var needsKeys: Bool { recordsNext || !files.isEmpty }

    /// The same for the keys of list entries, made from their view models.
    var needsFragmentKeys: Bool { recordsNext || !fragments.isEmpty }
}

/// A piece of rendered HTML with the hash of its bytes, which is what the pages that show
/// it put into their own keys.
struct Fragment: Sendable {
    /// The HTML in UTF-8, as pages are written: a body is rendered as bytes and goes into its
    /// page as bytes. A `String` of it checked every byte of every body again.
    var bytes: [UInt8]
    var hash: Int
    /// For a body: what its embedded timelines and maps were drawn from (`ReuseKeys.embeds`).
    var embedsKey: Int = 0
    var embeds: EmbedKinds = []
    /// For an event's body: its text with site links from the whole base URL, for the exports.
    var export: String?

    init(_ html: String, embeds: EmbedKinds = [], embedsKey: Int = 0) {
        self.init(bytes: Array(html.utf8), embeds: embeds, embedsKey: embedsKey)
    }

    /// `bytes` are valid UTF-8: sitegen's renderers write nothing else.
    init(bytes: [UInt8], embeds: EmbedKinds = [], embedsKey: Int = 0) {
        // Kept until the pages that show it are written, so without the room a renderer
        // reserves ahead (a list entry's 16 KB): that raised a large build's peak by a fifth.
        // (`Array(bytes[...])` would keep the same buffer, room and all.)
        self.bytes = bytes.capacity - bytes.count > bytes.count / 8 ? bytes.withUnsafeBufferPointer { Array($0) } : bytes
        var fingerprint = Fingerprint()
        fingerprint.add(bytes: bytes)
        hash = fingerprint.value
        self.embeds = embeds
        self.embedsKey = embedsKey
    }

    /// For the feeds and exports, which show few bodies or short ones.
    var html: String { String(decoding: bytes, as: UTF8.self) }

    /// The same fragment's hash without its HTML: for what only keys read once its pages are made.
    var withoutHTML: Fragment {
        var fragment = self
        fragment.bytes = []
        fragment.export = nil
        return fragment
    }
}

/// The fingerprints every key of one build starts from.
struct ReuseKeys: Sendable {
    /// Everything any page may show beyond its own content: templates and strings,
    /// site.yaml, the build's options and time, the newest date, the terms, places and sources,
    /// where links to content files land and the photos made of them (bodies show both).
    var global: Int
    /// What an embedded timeline shows: every event's front matter, in timeline order.
    var events: Int
    /// What a map shows: the marked places and how many pages name each.
    var markers: Int

    /// The key of what a body's embedded blocks were drawn from.
    func embeds(_ kinds: EmbedKinds) -> Int {
        Fingerprint.of(kinds.contains(.timeline) ? events : 0, kinds.contains(.map) ? markers : 0)
    }

    init(site: Site, inputs: Int) {
        var global = Fingerprint()
        global.add(inputs)
        global.add(site.buildTime?.iso8601)
        global.add(site.lastUpdated?.iso8601)
        global.add(site.glossary.termsKey)
        global.add(site.contentLinks.fingerprint)
        global.add(site.images.fingerprint)
        for place in site.places.values.sorted(by: { $0.id < $1.id }) {
            global.add(place.id)
            global.add(place.name)
            global.add(place.latitude)
            global.add(place.longitude)
            global.add(place.precision.rawValue)
            global.add(place.timeZone)
        }
        for source in site.sources {
            global.add(source.name)
            global.add(source.description?.description)
            global.add(source.description?.url)
        }
        self.global = global.value
        var events = Fingerprint()
        for index in site.events.indices { events.add(site.events[index].body.stamp.meta) }
        self.events = events.value
        var markers = Fingerprint()
        for entry in site.map?.places ?? [] {
            markers.add(entry.place.id)
            markers.add(entry.eventIndices.count + entry.articleIndices.count)
        }
        self.markers = markers.value
    }
}

extension RenderMemo {
    /// The fragment under `key`, if `self` holds one that `isCurrent` accepts.
    func fragment(_ key: Int, isCurrent: (Fragment) -> Bool = { _ in true }) -> Fragment? {
        fragments[key].flatMap { isCurrent($0) ? $0 : nil }
    }

    /// The fragment for each key: the one `self` holds if `isCurrent` accepts it, else rendered
    /// by `render`, which gets the numbers of the missing ones in parallel chunks. Each goes
    /// into `next`, the memo of this build.
    func fragments(
        _ keys: [Int], into next: inout [Int: Fragment], isCurrent: (Fragment) -> Bool = { _ in true },
        render: @escaping @Sendable (ArraySlice<Int>) -> [Fragment]
    ) async -> [Fragment] {
        var found = keys.map { fragment($0, isCurrent: isCurrent) }
        let missing = found.indices.filter { found[$0] == nil }
        let rendered = await missing.concurrentChunks(render)
        for (number, fragment) in zip(missing, rendered) { found[number] = fragment }
        let result = found.map { $0! }
        if recordsNext {
            for (key, fragment) in zip(keys, result) { next[key] = fragment }
        }
        return result
    }
}
