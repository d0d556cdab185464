import Foundation

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    public var source: URL
    public var output: URL
    public var baseURL: String?
    public var includeDrafts: Bool
    /// Treats warnings as errors.
    public var strict: Bool

    public init(source: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false, strict: Bool = false) {
        self.source = source.standardizedFileURL
        self.output = (output ?? source.appendingPathComponent("public")).standardizedFileURL
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.strict = strict
    }
}

public struct BuildSummary: Sendable {
    public var pages: Int
    public var files: Int
    public var warnings: [Diagnostic]
}

/// The whole pipeline: load → model → render → write. `load` alone is what a check runs.
public enum SiteBuilder {
    /// Stages 1 and 2: reads and checks everything; writes nothing.
    public static func load(_ options: BuildOptions) async throws(BuildFailure) -> (Site, TemplateSet, SiteContent, [Diagnostic]) {
        let files = SiteFiles(root: options.source)
        let (config, configProblems) = SiteConfigLoader.load(files, baseURLOverride: options.baseURL)
        async let loadedContent = ContentLoader.load(files)
        let (templates, templateProblems) = TemplateLoader.load(files, language: config?.language ?? "da")
        let (content, contentProblems) = await loadedContent
        var diagnostics = configProblems + templateProblems + contentProblems
        guard let config, let templates else { throw BuildFailure(diagnostics) }
        let (site, modelProblems) = SiteModelBuilder.build(content, config: config, strings: templates.strings, includeDrafts: options.includeDrafts)
        diagnostics += modelProblems
        guard let site, !diagnostics.hasErrors, !(options.strict && !diagnostics.isEmpty) else { throw BuildFailure(diagnostics) }
        return (site, templates, content, diagnostics)
    }

    /// All four stages. A failure leaves the output folder as it was.
    public static func build(_ options: BuildOptions) async throws(BuildFailure) -> BuildSummary {
        if let refusal = OutputWriter.check(output: options.output, site: options.source) { throw BuildFailure([refusal]) }
        let (site, templates, content, warnings) = try await load(options)
        let files = await SiteRenderer.render(site, templates: templates, assets: content.assets)
        do {
            try await OutputWriter.write(files, to: options.output, site: SiteFiles(root: options.source))
        } catch {
            throw BuildFailure([.error(SourceLocation(path: options.output.lastPathComponent), "\(error)")])
        }
        let pages = files.filter { $0.path.hasSuffix(".html") }.count
        return BuildSummary(pages: pages, files: files.count, warnings: warnings.sortedForDisplay())
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
