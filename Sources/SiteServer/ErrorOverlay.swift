import Foundation
import Markdown
import SiteGen

/// The page a browser shows while the site does not build: every problem with its place,
/// its message and the lines around it. It reloads by itself once the file is fixed.
enum ErrorOverlay {
    static func page(diagnostics: [Diagnostic], sources: [String: String]) -> String {
        let formatter = DiagnosticFormatter(sources: sources)
        let items = diagnostics.map { diagnostic in
            """
            <li><p><strong>\(HTMLEscaping.escape(diagnostic.location.path)):\(diagnostic.location.line):\(diagnostic.location.column)</strong> \
            \(diagnostic.severity.rawValue): \(HTMLEscaping.escape(diagnostic.message))</p>
            <pre>\(HTMLEscaping.escape(formatter.format(diagnostic).split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")))</pre></li>
            """
        }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>sitegen: the site does not build</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d1d1b}
            h1{color:#b3261e}li{margin-bottom:1.5rem}pre{background:#f3f2ed;padding:.75rem;overflow-x:auto}</style></head>
            <body>
            <h1>The site does not build</h1>
            <p>\(diagnostics.count) problem\(diagnostics.count == 1 ? "" : "s"). Fix and save: this page reloads by itself.</p>
            <ol>
            \(items)
            </ol>
            </body>
            </html>
            """
    }
}
