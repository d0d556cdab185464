import ArgumentParser
import Dispatch
import Foundation
import SiteGen
import SiteServer

extension Sitegen {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Preview the site in a browser, rebuilding and reloading on every change.",
            discussion: """
                Builds the site into a private folder (public/ is left alone) and serves it. \
                Watches content/, Templates/ and site.yaml; on a change it rebuilds and open tabs \
                reload by themselves. While the site does not build, pages show every problem \
                with its file and line. Stop with Ctrl-C.
                """
        )

        @Option(name: .long, help: ArgumentHelp("The site folder, holding site.yaml, content/ and Templates/.", valueName: "dir"))
        var source: String = "."

        @Option(name: .long, help: "The port to listen on (0 picks a free one).")
        var port: UInt16 = 1313

        @Option(name: .long, help: "The address to listen on: 127.0.0.1, ::1, localhost, or 0.0.0.0 to let other machines in.")
        var host: String = "127.0.0.1"

        @Flag(name: .long, help: "Include pages marked `draft: true`.")
        var drafts = false

        @Flag(name: .long, help: "After each build, print how long each stage took.")
        var timings = false

        func validate() throws {
            if let problem = PreviewServer.problem(withHost: host) { throw ValidationError(problem) }
        }

        func run() async throws {
            let site = URL.resolvingAgainstCurrentFolder(source)
            let scratch: URL
            do {
                scratch = try ScratchFolder.make()
            } catch {
                throw DiagnosticPrinter.refuse("\(error)")
            }
            defer { try? FileManager.default.removeItem(at: scratch) }
            let server = PreviewServer(site: site, host: host, port: port, includeDrafts: drafts, output: scratch.appendingPathComponent("public"))
            let task = Task {
                try await server.run(
                    ready: { [timings] ready, outcome in
                        Self.report(outcome, site: site, timings: timings)
                        Self.say("Serving \(site.lastPathComponent) at \(ready.url) (Ctrl-C to stop)")
                    },
                    report: { [timings] in Self.report($0, site: site, timings: timings) })
            }
            let signals = Self.cancelOnSignals(task)
            defer { signals.forEach { $0.cancel() } }
            do {
                try await task.value
            } catch where task.isCancelled {
                // Stopping closes the listening socket under the server, which may surface
                // as a socket error rather than a cancellation: either way it is a clean stop.
            }
            Self.say("Stopped.")
        }

        static func report(_ outcome: PreviewSession.Outcome, site: URL, timings: Bool) {
            let milliseconds = outcome.duration.milliseconds
            if outcome.succeeded {
                if !outcome.diagnostics.isEmpty { DiagnosticPrinter.print(outcome.diagnostics, site: site) }
                if timings { Timings.print(outcome.timings) }
                Self.say("Built \(outcome.pages) pages (\(outcome.rendered) files rendered) in \(milliseconds) ms; reload sent")
            } else {
                DiagnosticPrinter.print(outcome.diagnostics, site: site)
                Self.say("Build failed (\(DiagnosticPrinter.summary(outcome.diagnostics))) in \(milliseconds) ms; the browser shows the problems")
            }
        }

        /// Writes a line at once (print buffers when the output is a file or a pipe).
        static func say(_ line: String) {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }

        /// Ctrl-C and SIGTERM stop the server cleanly rather than killing it mid-write.
        static func cancelOnSignals(_ task: Task<Void, Error>) -> [DispatchSourceSignal] {
            [SIGINT, SIGTERM].map { number in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { task.cancel() }
                source.resume()
                return source
            }
        }
    }
}
