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
        // Scans bytes for line starts rather than splitting the whole file into lines:
        // this runs once per content file and big sites have tens of thousands.
        let bytes = text.utf8
        let firstLineEnd = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
        let firstLine = text[..<firstLineEnd]
        guard isDelimiter(firstLine) else {
            return .failure(.error(SourceLocation(path: path), missingMessage(firstLine: String(firstLine))))
        }
        var lineNumber = 1
        var lineStart = firstLineEnd
        while lineStart < bytes.endIndex {
            lineStart = bytes.index(after: lineStart)
            lineNumber += 1
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let line = text[lineStart..<lineEnd]
            if isDelimiter(line) || line == "..." {
                let yamlStart = firstLineEnd < bytes.endIndex ? bytes.index(after: firstLineEnd) : firstLineEnd
                let yaml = yamlStart < lineStart ? String(text[yamlStart..<bytes.index(before: lineStart)]) : ""
                let body = lineEnd < bytes.endIndex ? String(text[bytes.index(after: lineEnd)...]) : ""
                return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: lineNumber + 1))
            }
            lineStart = lineEnd
        }
        return .failure(.error(SourceLocation(path: path),
            "the front matter is not closed; add a line with only `---` after its last key, before the text"))
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
