import Foundation

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    public var source: URL
    public var output: URL
    public var baseURL: String?
    public var includeDrafts: Bool
    /// Treats warnings as errors.
    public var strict: Bool
    /// The build time for "new since" markers. Passed in, never read from the clock, so a
    /// build stays reproducible; nil means the newest date in the content.
    public var now: ContentDate?
    /// How the site's files are read: the disk, or a test's stand-in.
    public var fileAccess = FileAccess.disk
    /// Reports links, images and `#fragments` in the texts that point nowhere as warnings
    /// rather than errors (`--allow-broken-links`; the preview server).
    public var allowsBrokenLinks = false
    /// Keeps processed photos in `.sitegen-cache/images/` in the site folder; `sitegen check`,
    /// which writes nothing, only reads it.
    public var writesImageCache = true

    public init(source: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false, strict: Bool = false,
                now: ContentDate? = nil) {
        self.source = source.standardizedFileURL
        self.output = (output ?? source.appendingPathComponent("public")).standardizedFileURL
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.now = now
    }
}

public struct BuildSummary: Sendable {
    public var pages: Int
    public var files: Int
    /// How many files this build rendered; a rebuild by `sitegen serve` renders only what
    /// changed, a plain build all of them.
    public var rendered: Int
    public var warnings: [Diagnostic]
    /// How long each stage took, in order, for `--timings`.
    public var timings: [(stage: String, duration: Duration)]
}

/// A checked site, ready to render: what `load` hands to `build`, and all a check needs.
public struct LoadedSite: Sendable {
    public var site: Site
    public var templates: TemplateSet
    public var assets: [String]
    public var warnings: [Diagnostic]
    /// The links of every text, for the link check after the render.
    var links = TextLinks.none
    var assetVersions: [String: FileVersion] = [:]
    /// Every content file with its version as the load read it, for the build's manifest.
    var contentVersions: [(path: String, version: FileVersion?)] = []
    /// A fingerprint of site.yaml, every file in Templates/ and the build's options: what
    /// every page depends on besides the content.
    var inputsKey = 0
}

/// What one build leaves for the next in the same process (`sitegen serve`): the decoded
/// content files, the linked bodies and everything rendered, each under the fingerprint of
/// what it was made from, so the next build redoes only what an edit changed.
public struct BuildMemo: Sendable {
    var content = ContentFileCache()
    var glossary = GlossaryMemo()
    var render = RenderMemo()
    /// Whether a build keeps what it read and linked for the next one. A plain build or a
    /// check has no next one and would only hold every body twice while it renders.
    var recordsNext = true

    public init() {}

    init(recordsNext: Bool) {
        self.recordsNext = recordsNext
    }
}

/// The whole pipeline: load → model → render → write. `load` alone is what a check runs.
public enum SiteBuilder {
    /// Stages 1 and 2: reads and checks everything; writes nothing.
    public static func load(_ options: BuildOptions) async throws(BuildFailure) -> LoadedSite {
        var timer = StageTimer()
        return try await load(options, memo: BuildMemo(recordsNext: false), timer: &timer).0.get()
    }

    /// All four stages. A failure leaves the output folder as it was: the site is written
    /// beside it and swapped in.
    public static func build(_ options: BuildOptions) async throws(BuildFailure) -> BuildSummary {
        try await run(options, memo: BuildMemo(recordsNext: false), inPlace: false).0.get()
    }

    /// A build that reuses what `memo` holds from the last build into the same output, and
    /// writes only the files that changed, in place: for `sitegen serve`, whose output is
    /// its own. Returns the memo for the next rebuild, also after a failure.
    public static func rebuild(_ options: BuildOptions, reusing memo: BuildMemo) async -> (Result<BuildSummary, BuildFailure>, BuildMemo) {
        await run(options, memo: memo, inPlace: true)
    }

    private static func run(_ options: BuildOptions, memo: BuildMemo, inPlace: Bool) async -> (Result<BuildSummary, BuildFailure>, BuildMemo) {
        // Before any work: a folder that is not sitegen's to replace is refused at once. A rebuild
        // of serve's own folder skips the walk for files sitegen did not write.
        let outputState: OutputFolder.State
        switch OutputFolder.inspect(options.output, site: options.source, deep: !(inPlace && memo.render.isFilled)) {
        case .success(let state): outputState = state
        case .failure(let refusal): return (.failure(refusal), memo)
        }
        var timer = StageTimer()
        // A plain build whose inputs and output are as the last one left them has nothing to do.
        let manifestURL = BuildManifest.url(for: options.output)
        let inputFiles = SiteFiles(root: options.source, access: options.fileAccess)
        let settings = inPlace ? [] : BuildManifest.settings(of: options, files: inputFiles)
        // The content's versions are asked for here only to compare with a last build's; a
        // build without one lists them as the load read them.
        let last = inPlace ? nil : BuildManifest.read(from: manifestURL)
        let content = last == nil ? nil : await BuildManifest.content(inputFiles)
        if let last, let content, last.inputs == settings + content,
           await last.outputs == BuildManifest.outputs(in: options.output) {
            // What killed builds left beside the output is cleared even when there is nothing to build.
            WorkingFolders(output: options.output).clearStale()
            timer.lap("compare with the last build")
            // The output's own list of files is sitegen's bookkeeping, not a file of the site.
            let files = last.outputs.filter { !$0.hasPrefix(OutputManifest.fileName + "\t") }.count
            return (.success(BuildSummary(pages: last.pages, files: files, rendered: 0, warnings: last.warnings, timings: timer.timings)), memo)
        }
        let (result, loadMemo) = await load(options, memo: memo, timer: &timer)
        var next = loadMemo
        var loaded: LoadedSite
        // Consumed: `loaded` is then the one copy of the site, which `BackgroundRelease` frees.
        switch consume result {
        case .success(let value): loaded = value
        case .failure(let failure): return (.failure(failure), next)
        }
        // A memo is only good for the folder it was written into, as that folder was left.
        let reusable = inPlace ? memo.render : RenderMemo(recordsNext: false)
        do {
            let files = SiteFiles(root: options.source, access: options.fileAccess)
            let staging = try inPlace ? StagingFolder.inPlace(options.output, site: files, state: outputState, previous: reusable)
                                      : StagingFolder.create(for: options.output, site: files)
            do {
                let ids = RenderedIDs.Collector(only: await LinkChecker.fragmentTargets(of: loaded.links, in: loaded.site))
                let written = WrittenFiles()
                let rendered = try await SiteRenderer.render(loaded, memo: reusable) { files in
                    ids.add(files)
                    written.add(try staging.write(files))
                }
                timer.lap("render and write")
                // A plain build's manifests are made while the links are checked. Serve writes
                // no build manifest, and its output's list only when the files changed.
                async let sortedOutputs = inPlace ? [] : written.sortedLines()
                async let listing = inPlace ? nil : OutputManifest(files: rendered.paths).text
                let versions = inPlace || content != nil ? [] : loaded.contentVersions
                async let contentLines = content ?? BuildManifest.content(versions)
                // Before anything is swapped in. Pages this rebuild did not render are in the
                // output as the last build left them.
                let brokenLinks = await LinkChecker(site: loaded.site, links: loaded.links, written: rendered.paths,
                                              ids: { ids.ids(of: $0) ?? (inPlace ? RenderedIDs.scan(file: options.output.appendingPathComponent($0).path) : []) },
                                              severity: options.allowsBrokenLinks ? .warning : .error).check()
                timer.lap("links")
                if brokenLinks.hasErrors || (options.strict && !brokenLinks.isEmpty) {
                    staging.discard()
                    next.render = inPlace ? RenderMemo() : next.render
                    return (.failure(BuildFailure((loaded.warnings + brokenLinks).sortedForDisplay())), next)
                }
                let warnings = (loaded.warnings + brokenLinks).sortedForDisplay()
                try? FileManager.default.removeItem(at: manifestURL)
                try staging.commit(keeping: rendered.paths, listing: await listing)
                timer.lap(inPlace ? "prune" : "swap")
                if !inPlace {
                    let inputs = settings + (await contentLines)
                    let manifest = BuildManifest(inputs: inputs, outputs: WrittenFiles.outputs(await sortedOutputs, in: options.output.path),
                                                 pages: rendered.pages, warnings: warnings)
                    try? manifest.write(to: manifestURL)
                }
                next.render = inPlace ? rendered.memo : RenderMemo()
                let summary = BuildSummary(pages: rendered.pages, files: rendered.paths.count, rendered: rendered.rendered,
                                           warnings: warnings, timings: timer.timings)
                // Last: freeing the site (and the views its pages were made from) beside the swap
                // and the manifest made both wait on the allocator's lock for as long as the
                // freeing took. Now a command-line build ends before it is done, and serve's next
                // edit finds it done.
                BackgroundRelease.drop((consume loaded, consume rendered))
                return (.success(summary), next)
            } catch {
                staging.discard()
                throw error
            }
        } catch {
            // Half-written: nothing of the last build can be trusted to be in the folder.
            next.render = RenderMemo()
            return (.failure(StagingFolder.failure(error, output: options.output, site: options.source)), next)
        }
    }

    static func load(_ options: BuildOptions, memo: BuildMemo, timer: inout StageTimer) async -> (Result<LoadedSite, BuildFailure>, BuildMemo) {
        var next = memo
        let files = SiteFiles(root: options.source, access: options.fileAccess)
        let (config, configProblems) = SiteConfigLoader.load(files, baseURLOverride: options.baseURL)
        async let inputsKey = Fingerprint.of(SiteInputs.fingerprint(files), options.baseURL, options.includeDrafts)
        let read = await readFiles(files, config: config, memo: memo)
        let ((content, contentProblems, contentCache), (templates, templateProblems), (outlines, outlineProblems)) = read
        if memo.recordsNext { next.content = contentCache }
        let (contentAssets, assetVersions, contentVersions) = (content.assets, content.assetVersions, content.versions)
        timer.lap("load")
        var diagnostics = configProblems + templateProblems + contentProblems + outlineProblems
        guard let config, let templates else { return (.failure(BuildFailure(diagnostics)), next) }
        diagnostics += config.brand.checkLogo(assets: contentAssets, staticFiles: templates.staticFiles)
        // The glossary's index needs only the terms, so it is made while the model is built.
        let (terms, routes) = (SiteModelBuilder.glossary(content.terms, config: config), Routes(basePath: config.basePath, strings: templates.strings))
        async let glossaryIndex = GlossaryLinking.Index(terms, routes: routes, reusing: memo.glossary)
        // Consumed, as `model` is below: the model is then the trees' one owner, and the glossary
        // step can let each unlinked tree go.
        var (model, modelProblems) = SiteModelBuilder.build(consume content, glossary: terms, routes: routes, config: config,
                                                            strings: templates.strings, includeDrafts: options.includeDrafts)
        diagnostics += modelProblems
        if let built = model, let outlines {
            let (map, mapProblems) = MapModelBuilder.build(built, outlines: outlines)
            model?.map = map
            diagnostics += mapProblems
        }
        timer.lap("model")
        guard var model = model.take() else { return (.failure(BuildFailure(diagnostics)), next) }
        model.buildTime = options.now ?? model.lastUpdated
        // After the model (and the map model, which reads ```map blocks): a body's links depend
        // on every term. The fenced blocks are still code blocks here, so their HTML is never linked.
        var (site, glossaryProblems, glossaryMemo) = await GlossaryLinking.link(consume model, index: await glossaryIndex, reusing: memo.glossary,
                                                                                recordsNext: memo.recordsNext)
        next.glossary = glossaryMemo
        diagnostics += glossaryProblems
        timer.lap("glossary")
        diagnostics += site.bodies { _, body in !body.document.problems.isEmpty }.flatMap { $0.body.rawHTMLWarnings(allowed: config.allowsRawHTML) }
        // Photos are never published as they are (their EXIF may say where they were taken).
        let assets = contentAssets.filter { !ImageFiles.isPhoto($0) }
        site.contentLinks = ContentLinks(site: site, assets: assets)
        let links = await TextLinks.collect(in: site)
        let (images, imageProblems) = await SiteImagesBuilder.build(SiteImagesBuilder.references(in: links, config: config), files: files,
                                                                   writesCache: options.writesImageCache)
        site.images = images
        site.images.firstPhotos = ShareImages.firstPhotos(in: site, links: links)
        site.images.shared = ShareImages.used(in: site)
        diagnostics += imageProblems
        timer.lap("images (\(images.made) resized, \(images.reused) from the cache)")
        guard !diagnostics.hasErrors, !(options.strict && !diagnostics.isEmpty) else { return (.failure(BuildFailure(diagnostics)), next) }
        // Where links to content files land and the photos made are in `ReuseKeys.global`, the
        // key of bodies; pages show them through their bodies and share images (their view models).
        return (.success(LoadedSite(site: site, templates: templates, assets: assets, warnings: diagnostics, links: links,
                                    assetVersions: assetVersions, contentVersions: contentVersions, inputsKey: await inputsKey)), next)
    }
}

extension SiteBuilder {
    /// The content, and beside it the templates and the map's outlines. A function of its own
    /// because an `async let` holds its value until the scope that declares it ends: in `load`
    /// that kept every text's first tree alive beside its linked copy through the glossary
    /// step, and freed them all on one core at its end.
    private static func readFiles(_ files: SiteFiles, config: SiteConfig?, memo: BuildMemo) async
        -> ((SiteContent, [Diagnostic], ContentFileCache), (TemplateSet?, [Diagnostic]), (CountryOutlines?, [Diagnostic])) {
        async let content = ContentLoader.load(files, reusing: memo.content, keepsCache: memo.recordsNext)
        let templates = TemplateLoader.load(files, language: config?.language ?? "da",
                                            languageLocation: config?.languageLocation ?? SourceLocation(path: "site.yaml"),
                                            contentLanguage: config?.contentLanguage)
        let outlines = CountryOutlinesLoader.load(files)
        return (await content, templates, outlines)
    }
}

/// site.yaml and Templates/: every page depends on them, and they are small, so a rebuild
/// hashes their bytes rather than tracking them file by file.
enum SiteInputs {
    static func fingerprint(_ files: SiteFiles) -> Int {
        var fingerprint = Fingerprint()
        for path in ["site.yaml"] + files.files(under: "Templates") {
            fingerprint.add(path)
            fingerprint.add(bytes: files.read(path) ?? [])
        }
        return fingerprint.value
    }
}

/// Stage 1a: site.yaml.
enum SiteConfigLoader {
    static func load(_ files: SiteFiles, baseURLOverride: String?) -> (SiteConfig?, [Diagnostic]) {
        let path = "site.yaml"
        guard let bytes = files.read(path) else {
            return (nil, [.error(SourceLocation(path: path), "no site.yaml in \(files.root.path); is this a sitegen site? (run sitegen in the folder that holds site.yaml, or pass --source)")])
        }
        switch SourceText.decode(bytes, path: path).flatMap({ YAMLParser.parse($0, path: path, firstLine: 1) }) {
        case .failure(let diagnostic):
            return (nil, [diagnostic])
        case .success(let yaml):
            var fields = FieldReader(yaml, fallback: SourceLocation(path: path), what: "site.yaml")
            let config = DataFileDecoders.site(&fields, baseURLOverride: baseURLOverride)
            return (config, fields.diagnostics)
        }
    }
}

/// Times the stages of one build, as Zola's `build()` does, so slow steps show up.
struct StageTimer: Sendable {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private(set) var timings: [(stage: String, duration: Duration)] = []

    init() { last = clock.now }

    mutating func lap(_ stage: String) {
        let now = clock.now
        timings.append((stage, now - last))
        last = now
    }
}
