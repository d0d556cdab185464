/// A content file cut into its YAML front matter and its Markdown body, each with the
/// line it starts on, so positions inside either can be reported in whole-file lines.
struct FrontMatter: Sendable {
    var yaml: String
    /// File line of the first YAML line (the line after the opening `---`).
    var yamlFirstLine: Int
    var body: String
    /// File line of the first body line.
    var bodyFirstLine: Int

    static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, isDelimiter(first) else {
            return .failure(.error(SourceLocation(path: path), missingMessage(firstLine: lines.first.map(String.init) ?? "")))
        }
        guard let closing = lines.indices.dropFirst().first(where: { isDelimiter(lines[$0]) || lines[$0] == "..." }) else {
            return .failure(.error(SourceLocation(path: path),
                "the front matter is not closed; add a line with only `---` after its last key, before the text"))
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 2))
    }

    private static func isDelimiter(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }

    private static func missingMessage(firstLine: String) -> String {
        let looksLikeKey = firstLine.range(of: #"^[A-Za-z_]+\s*:"#, options: .regularExpression) != nil
        if looksLikeKey {
            return "missing front matter; did you forget to add `---` on the line before `\(firstLine)`?"
        }
        return "missing front matter; start the file with a line `---`, the keys (e.g. `title: ...`), and another `---`"
    }
}

import Foundation
