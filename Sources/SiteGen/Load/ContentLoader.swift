import Markdown

/// Everything in `content/`, decoded, with the problems found on the way.
public struct SiteContent: Sendable {
    public var frontPage: Page?
    public var pages: [Page] = []
    public var articles: [Article] = []
    public var events: [Event] = []
    public var terms: [GlossaryTerm] = []
    public var places: [Place] = []
    public var sources: [SourceDescription] = []
    /// `content/sources.md`: what the sources page says before its list, e.g. how sources are assessed.
    public var sourcesPage: Page?
    /// `content/tags.yaml`: each tag's name for readers, by the tag as written.
    public var tagNames: [Located<TagName>] = []
    /// Images and other files in content/ that are copied as they are.
    public var assets: [String] = []
    /// Each asset's version on disk, so a rebuild copies only the ones that changed.
    var assetVersions: [String: FileVersion] = [:]
    /// Every file in content/, in order, with its version as it was asked for just before the
    /// file was read.
    var versions: [(path: String, version: FileVersion?)] = []
}

/// Stage 1b: reads and decodes every content file, in parallel, in a fixed order.
enum ContentLoader {
    static func load(_ files: SiteFiles) async -> (SiteContent, [Diagnostic]) {
        let (content, diagnostics, _) = await load(files, reusing: ContentFileCache())
        return (content, diagnostics)
    }

    /// Reads only the files that changed since `cache` was made and returns the new cache,
    /// empty unless `keepsCache`: a cache holds every file's tree, which a build with no
    /// rebuild after it lets go of as soon as it can.
    static func load(_ files: SiteFiles, reusing cache: ContentFileCache, keepsCache: Bool = true) async -> (SiteContent, [Diagnostic], ContentFileCache) {
        let (paths, listingProblems) = files.listing(under: "content")
        var versioned = await paths.concurrentMap { path -> (FileVersion?, LoadedFile) in
            let version = FileVersion(path: files.path(path))
            if let version, let cached = cache.entries[path], cached.version == version { return (version, cached.loaded) }
            return (version, loadFile(path, files: files))
        }
        var newCache = ContentFileCache()
        if keepsCache {
            newCache.entries.reserveCapacity(paths.count)
            for (path, (version, loaded)) in zip(paths, versioned) {
                if let version { newCache.entries[path] = (version, loaded) }
            }
        }
        var content = SiteContent()
        // By index: a `zip` handed over a copy of each loaded file (every string of an article
        // counted in and out) to read its version.
        content.versions = paths.indices.map { (paths[$0], versioned[$0].0) }
        var diagnostics = listingProblems
        if !files.exists("content") {
            diagnostics.append(.error(SourceLocation(path: "content"), "no content/ folder; create it with an index.md for the front page"))
        }
        // Room for every article and event first: grown as they came, the lists were copied
        // again and again, on one core.
        var (articles, events) = (0, 0)
        for place in versioned.indices {
            switch versioned[place].1.item {
            case .article: articles += 1
            case .event: events += 1
            case .events(let list): events += list.count
            default: break
            }
        }
        content.articles.reserveCapacity(articles)
        content.events.reserveCapacity(events)
        // Each file moved out of the list, not copied: a copy of each article counted every
        // string in it in and out again, on one core, between two stages that use both.
        for (place, path) in paths.enumerated() {
            let version = versioned[place].0
            var item: Item?
            swap(&item, &versioned[place].1.item)
            diagnostics += versioned[place].1.diagnostics
            // Consumed: what is bound below is moved into the content, not copied.
            switch consume item {
            case .frontPage(let page): content.frontPage = page
            case .page(let page): content.pages.append(page)
            case .article(let article): content.articles.append(article)
            case .event(let event): content.events.append(event)
            case .events(let events): content.events += events
            case .term(let term): content.terms.append(term)
            case .places(let places): content.places += places
            case .sources(let sources): content.sources += sources
            case .sourcesPage(let page): content.sourcesPage = page
            case .tagNames(let names): content.tagNames += names
            case .asset:
                content.assets.append(path)
                content.assetVersions[path] = version
            case nil: break
            }
        }
        if content.frontPage == nil, files.exists("content"), !paths.contains("content/index.md") {
            diagnostics.append(.error(SourceLocation(path: "content/index.md"), "the front page is missing; create content/index.md with a `title` and the main explainer"))
        }
        return (content, diagnostics, newCache)
    }

    enum Item: Sendable {
        /// `event` for a Markdown file's, `events` for a data file's: appended to the others,
        /// the one event of a list was copied whole.
        case frontPage(Page), page(Page), article(Article), event(Event), events([Event]), term(GlossaryTerm)
        case places([Place]), sources([SourceDescription]), sourcesPage(Page), tagNames([Located<TagName>]), asset(String)
    }

    struct LoadedFile: Sendable {
        var item: Item?
        var diagnostics: [Diagnostic] = []
    }

    private static func loadFile(_ path: String, files: SiteFiles) -> LoadedFile {
        let kind = ContentKind(path: path)
        guard kind != .asset else { return LoadedFile(item: .asset(path)) }
        guard kind != .ignored else {
            return LoadedFile(item: nil, diagnostics: [.warning(SourceLocation(path: path),
                "this file is not used; Markdown goes in content/articles/, content/events/ or content/glossary/, event data in content/events/*.yaml")])
        }
        let bytes: [UInt8]
        switch files.contents(of: path) {
        case .success(let read): bytes = read
        case .failure(let error):
            return LoadedFile(item: nil, diagnostics: [.error(SourceLocation(path: path), "cannot read this file (\(error.reason)); make it readable (chmod a+r \(path))")])
        }
        let text: String
        switch SourceText.decode(bytes, path: path) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return LoadedFile(item: nil, diagnostics: [diagnostic])
        }
        return kind.isData ? loadData(text, path: path, kind: kind) : loadMarkdown(text, path: path, kind: kind)
    }

    private static func loadMarkdown(_ text: String, path: String, kind: ContentKind) -> LoadedFile {
        let frontMatter: FrontMatter
        switch FrontMatter.split(text, path: path) {
        case .success(let split): frontMatter = split
        case .failure(let diagnostic): return LoadedFile(item: nil, diagnostics: [diagnostic])
        }
        let yaml: YAMLValue?
        switch YAMLParser.parse(frontMatter.yaml, path: path, firstLine: frontMatter.yamlFirstLine) {
        case .success(let value): yaml = value
        case .failure(let diagnostic): return LoadedFile(item: nil, diagnostics: [diagnostic])
        }
        var fields = FieldReader(yaml, fallback: SourceLocation(path: path), what: "the front matter")
        let (body, bodyProblems) = Body.read(frontMatter.body, path: path, firstLine: frontMatter.bodyFirstLine,
                                             stamp: .markdown(path: path, frontMatter: frontMatter.yaml, body: frontMatter.body))
        let named = kind == .frontPage ? "" : fields.slug(of: path.fileStem, at: SourceLocation(path: path), what: "the file name",
                                                        fix: "rename the file using letters or digits")
        let slug = named ?? ""
        let item: Item?
        switch kind {
        case .frontPage: item = ContentDecoders.page(&fields, slug: "", body: body).map(Item.frontPage)
        case .page: item = ContentDecoders.page(&fields, slug: slug, body: body).map(Item.page)
        case .sourcesPage: item = ContentDecoders.page(&fields, slug: "", body: body).map(Item.sourcesPage)
        case .article: item = ContentDecoders.article(&fields, slug: slug, body: body).map(Item.article)
        case .event: item = ContentDecoders.event(&fields, id: slug, body: body).map(Item.event)
        case .term: item = ContentDecoders.term(&fields, slug: slug, body: body).map(Item.term)
        default: item = nil
        }
        return LoadedFile(item: named == nil ? nil : item, diagnostics: fields.diagnostics + bodyProblems)
    }

    private static func loadData(_ text: String, path: String, kind: ContentKind) -> LoadedFile {
        let yaml: YAMLValue?
        switch YAMLParser.parse(text, path: path, firstLine: 1) {
        case .success(let value): yaml = value
        case .failure(let diagnostic): return LoadedFile(item: nil, diagnostics: [diagnostic])
        }
        let fallback = SourceLocation(path: path)
        switch kind {
        case .places:
            var fields = FieldReader(yaml, fallback: fallback, what: "places.yaml")
            return LoadedFile(item: .places(DataFileDecoders.places(&fields)), diagnostics: fields.diagnostics)
        case .sources:
            var fields = FieldReader(yaml, fallback: fallback, what: "sources.yaml")
            return LoadedFile(item: .sources(DataFileDecoders.sources(&fields)), diagnostics: fields.diagnostics)
        case .tagNames:
            var fields = FieldReader(yaml, fallback: fallback, what: "tags.yaml")
            return LoadedFile(item: .tagNames(DataFileDecoders.tagNames(&fields)), diagnostics: fields.diagnostics)
        default:
            let (events, diagnostics) = EventDataFile.decode(yaml, path: path, text: text)
            return LoadedFile(item: .events(events), diagnostics: diagnostics)
        }
    }
}

/// A YAML file of events, as extracted from agency copy: a list of events, each with an `id` and a `body`.
private enum EventDataFile {
    static func decode(_ yaml: YAMLValue?, path: String, text: String) -> (events: [Event], diagnostics: [Diagnostic]) {
        guard let yaml else { return ([], []) }
        guard case .sequence(let items) = yaml.kind else {
            return ([], [.error(yaml.location, "an event data file is a list of events, each starting with `- title: ...`")])
        }
        var events: [Event] = []
        var diagnostics: [Diagnostic] = []
        let file = SourceStamp.dataFile(path: path, text: text)
        for (number, item) in items.enumerated() {
            var fields = FieldReader(item, fallback: item.location, what: "an event")
            let bodyValue = fields.value("body")
            let bodyText = fields.peekString("body") ?? ""
            // A block scalar (`body: |`) starts on the line after its key.
            let firstLine = (bodyValue?.location.line ?? 1) + (bodyText.contains("\n") ? 1 : 0)
            let (body, bodyProblems) = Body.read(bodyText, path: path, firstLine: firstLine, stamp: .dataItem(file: file, number: number))
            let id = self.id(&fields)
            if let event = ContentDecoders.event(&fields, id: id ?? "", body: body, keys: ContentDecoders.eventDataKeys), id != nil {
                events.append(event)
            }
            diagnostics += fields.diagnostics + bodyProblems
        }
        return (events, diagnostics)
    }

    /// The event's `id`, else its title, as a slug: its page is /tidslinje/<id>/.
    private static func id(_ fields: inout FieldReader) -> String? {
        if let id = fields.peekString("id") {
            return fields.slug(of: id, at: fields.value("id")!.location, what: "the id", fix: "use letters a–z and digits, e.g. `id: akimat-i-brand`")
        }
        if let title = fields.peekString("title") {
            return fields.slug(of: title, at: fields.value("title")!.location, what: "the title",
                               fix: "give the event an `id` of letters a–z and digits, e.g. `id: akimat-i-brand`")
        }
        return "" // no title: the decoder reports it
    }
}

/// What a file in content/ is, from where it lies.
private enum ContentKind: Equatable {
    case frontPage, page, sourcesPage, article, event, eventData, term, places, sources, tagNames, asset, ignored

    init(path: String) {
        // By UTF-8 bytes, without a string per part: every file of the content is sorted here,
        // and `String`'s own comparisons read each character as Unicode.
        let parts = path.utf8.split(separator: UInt8(ascii: "/"))
        let name = parts.last ?? Substring("").utf8
        let isMarkdown = name.ends(with: ".md") || name.ends(with: ".markdown")
        let isYAML = name.ends(with: ".yaml") || name.ends(with: ".yml")
        let section = parts.count > 2 ? parts[1] : Substring("").utf8
        let isFile = { (file: String) in name.elementsEqual(file.utf8) }
        let starts = { (prefix: String) in name.starts(with: prefix.utf8) }
        switch (isMarkdown, isYAML) {
        case (true, _) where section.isEmpty: self = isFile("index.md") ? .frontPage : starts("sources.") ? .sourcesPage : .page
        case (_, true) where section.isEmpty:
            self = starts("places.") ? .places : starts("sources.") ? .sources : starts("tags.") ? .tagNames : .ignored
        case (true, _) where section.elementsEqual("articles".utf8): self = .article
        case (true, _) where section.elementsEqual("events".utf8): self = .event
        case (_, true) where section.elementsEqual("events".utf8): self = .eventData
        case (true, _) where section.elementsEqual("glossary".utf8): self = .term
        case (true, _), (_, true): self = .ignored
        default: self = .asset
        }
    }

    var isData: Bool { self == .places || self == .sources || self == .tagNames || self == .eventData }
}

extension String {
    /// `content/events/2022-01-05-x.md` → `2022-01-05-x`.
    var fileStem: String {
        let utf8 = self.utf8
        let start = utf8.lastIndex(of: UInt8(ascii: "/")).map(utf8.index(after:)) ?? utf8.startIndex
        let name = utf8[start...]
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return String(self[start...]) }
        return String(self[start..<dot])
    }
}

private extension Substring.UTF8View {
    func ends(with suffix: String) -> Bool {
        count >= suffix.utf8.count && self[index(endIndex, offsetBy: -suffix.utf8.count)...].elementsEqual(suffix.utf8)
    }
}
