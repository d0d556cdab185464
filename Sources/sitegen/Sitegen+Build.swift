import ArgumentParser
import Foundation
import SiteGen

extension Sitegen {
    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site into public/.",
            discussion: """
                Reads and checks everything first, and every link, image and #fragment in the \
                texts before publishing; on any error it prints each problem as path:line:col \
                and exits 1, leaving the output folder as it was. A good build replaces the \
                output folder whole.
                """
        )

        @OptionGroup var site: SiteOptions

        @Option(name: .long, help: ArgumentHelp("Where to write the site (default: public/ in the site folder).", valueName: "dir"))
        var output: String?

        @Option(name: .customLong("base-url"), help: ArgumentHelp("The address the site is published at, overriding site.yaml's baseURL.", valueName: "url"))
        var baseURL: String?

        @Flag(name: .long, help: "Print how long each stage of the build took, and how many photos it resized.")
        var timings = false

        @Flag(name: .customLong("allow-broken-links"), help: "Publish even when links, images or #fragments in the texts point nowhere (reported as warnings).")
        var allowBrokenLinks = false

        @Option(name: .long, help: ArgumentHelp("The build time for \"new\" markers, e.g. 2022-01-06T08:00:00+01:00 (default: the newest date in the content).", valueName: "timestamp"))
        var now: String?

        func validate() throws {
            guard let now else { return }
            if case .failure(let problem) = ContentDate.parse(now) {
                throw ValidationError("invalid --now `\(now)`: \(problem.message)")
            }
        }

        func run() async throws {
            let clock = ContinuousClock()
            let start = clock.now
            let source = site.sourceURL
            let outputURL = output.map(URL.resolvingAgainstCurrentFolder)
            var options = BuildOptions(source: source, output: outputURL, baseURL: baseURL, includeDrafts: site.drafts, strict: site.strict,
                                       now: now.flatMap { try? ContentDate.parse($0).get() })
            options.allowsBrokenLinks = allowBrokenLinks
            do {
                let summary = try await SiteBuilder.build(options)
                if !summary.warnings.isEmpty { DiagnosticPrinter.print(summary.warnings, site: source) }
                let elapsed = clock.now - start
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                if timings { Timings.print(summary.timings) }
                let output = options.output.relativePath(from: source)
                if summary.rendered == 0 {
                    print("Nothing changed since the last build: \(summary.pages) pages (\(summary.files) files) in \(output), checked in \(String(format: "%.2f", seconds)) s")
                } else {
                    print("Built \(summary.pages) pages (\(summary.files) files) in \(String(format: "%.2f", seconds)) s → \(output)")
                }
            } catch {
                DiagnosticPrinter.print(error.diagnostics, site: source)
                FileHandle.standardError.write(Data("build failed: \(DiagnosticPrinter.summary(error.diagnostics))\n".utf8))
                throw ExitCode.failure
            }
        }
    }
}

extension URL {
    /// `public` for the usual case; the full path when the output lies elsewhere.
    func relativePath(from base: URL) -> String {
        let basePath = base.standardizedFileURL.path + "/"
        let path = standardizedFileURL.path
        return path.hasPrefix(basePath) ? String(path.dropFirst(basePath.count)) + "/" : path
    }
}

/// `--timings`: one line per stage, as `sitegen build` and `sitegen serve` print them.
enum Timings {
    static func print(_ timings: [(stage: String, duration: Duration)]) {
        Sitegen.Serve.say(timings.map { "  \($0.stage): \($0.duration.milliseconds) ms" }.joined(separator: "\n"))
    }
}
