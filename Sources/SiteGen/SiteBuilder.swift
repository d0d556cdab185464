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
}

/// The whole pipeline: load → model → render → write. `load` alone is what a check runs.
public enum SiteBuilder {
    /// Stages 1 and 2: reads and checks everything; writes nothing.
    public static func load(_ options: BuildOptions) async throws(BuildFailure) -> LoadedSite {
        var timer = StageTimer()
        return try await load(options, timer: &timer)
    }

    /// All four stages. A failure leaves the output folder as it was.
    public static func build(_ options: BuildOptions) async throws(BuildFailure) -> BuildSummary {
        if let refusal = StagingFolder.check(output: options.output, site: options.source) { throw BuildFailure([refusal]) }
        var timer = StageTimer()
        let loaded = try await load(options, timer: &timer)
        do {
            let staging = try StagingFolder.create(for: options.output, site: SiteFiles(root: options.source))
            do {
                let files = try await SiteRenderer.render(loaded.site, templates: loaded.templates, assets: loaded.assets, emit: staging.write)
                timer.lap("render and write")
                try staging.commit(keeping: files)
                timer.lap("swap")
                return BuildSummary(pages: PageJob.all(for: loaded.site).count, files: files.count,
                                    warnings: loaded.warnings.sortedForDisplay(), timings: timer.timings)
            } catch {
                staging.discard()
                throw error
            }
        } catch {
            throw BuildFailure([.error(SourceLocation(path: "site.yaml"), "cannot write the site to \(options.output.path): \(error)")])
        }
    }

    static func load(_ options: BuildOptions, timer: inout StageTimer) async throws(BuildFailure) -> LoadedSite {
        let files = SiteFiles(root: options.source)
        let (config, configProblems) = SiteConfigLoader.load(files, baseURLOverride: options.baseURL)
        async let loadedContent = ContentLoader.load(files)
        let (templates, templateProblems) = TemplateLoader.load(files, language: config?.language ?? "da")
        let (content, contentProblems) = await loadedContent
        let (outlines, outlineProblems) = CountryOutlinesLoader.load(files)
        timer.lap("load")
        var diagnostics = configProblems + templateProblems + contentProblems + outlineProblems
        guard let config, let templates else { throw BuildFailure(diagnostics) }
        var (model, modelProblems) = SiteModelBuilder.build(content, config: config, strings: templates.strings, includeDrafts: options.includeDrafts)
        diagnostics += modelProblems
        if let built = model, let outlines {
            let (map, mapProblems) = MapModelBuilder.build(built, outlines: outlines)
            model?.map = map
            diagnostics += mapProblems
        }
        timer.lap("model")
        guard var model else { throw BuildFailure(diagnostics) }
        model.buildTime = options.now ?? model.lastUpdated
        // After the model (and the map model, which reads ```map blocks): a body's links depend
        // on every term. The fenced blocks are still code blocks here, so their HTML is never linked.
        let (site, glossaryProblems) = await GlossaryLinking.link(model)
        diagnostics += glossaryProblems
        timer.lap("glossary")
        guard !diagnostics.hasErrors, !(options.strict && !diagnostics.isEmpty) else { throw BuildFailure(diagnostics) }
        return LoadedSite(site: site, templates: templates, assets: content.assets, warnings: diagnostics)
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
