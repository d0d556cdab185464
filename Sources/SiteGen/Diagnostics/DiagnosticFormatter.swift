/// Prints diagnostics with the offending line and two lines around it, as Hugo does,
/// so an editor sees the problem without opening the file.
public struct DiagnosticFormatter: Sendable {
    /// The text of each file by its site-relative path, as the build read it.
    public let sources: [String: String]
    /// Each file split into lines once: an agency file with 5,000 misspelt keys has 5,000
    /// diagnostics, and splitting the file again for each made reporting them take minutes.
    private let lines: [String: [Substring]]

    public init(sources: [String: String]) {
        self.sources = sources
        lines = sources.mapValues { $0.split(separator: "\n", omittingEmptySubsequences: false) }
    }

    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined(separator: "\n")
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        var text = diagnostic.description + "\n"
        guard let lines = lines[diagnostic.location.path] else { return text }
        let target = diagnostic.location.line
        guard target >= 1, target <= lines.count else { return text }
        let first = max(1, target - 2)
        let last = min(lines.count, target + 2)
        let width = String(last).count
        for number in first...last {
            let label = String(number).leftPadded(to: width)
            text += " \(label) | \(lines[number - 1])\n"
            if number == target {
                let caret = String(repeating: " ", count: max(0, diagnostic.location.column - 1)) + "^"
                text += " \(String(repeating: " ", count: width)) | \(caret)\n"
            }
        }
        return text
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
