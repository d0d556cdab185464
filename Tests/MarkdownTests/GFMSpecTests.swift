import Foundation
import Markdown
import Testing

/// The examples of the GFM spec (0.29) for the extensions sitegen implements: tables,
/// strikethrough and extended autolinks. (That spec has no footnotes: `FootnoteTests`.)
@Suite("GFM spec examples of the extensions")
struct GFMSpecTests {
    static let implemented: Set<String> = ["table", "strikethrough", "autolink"]
    static let examples = SpecTexts.examples("gfm.txt").filter { implemented.contains($0.extensionName) }

    @Test("The spec text has the examples of every extension")
    func allExamplesRead() {
        #expect(Self.examples.count == 21)
    }

    @Test("Same HTML as the spec", arguments: examples)
    func sameHTMLAsSpec(_ example: SpecExample) {
        let actual = Self.asGFM(HTMLRenderer(allowsRawHTML: true).render(MarkdownParser.parse(example.markdown)))
        #expect(actual == CmarkDifferentialTests.normalised(example.html), "Markdown: \(example.markdown.debugDescription)")
    }

    /// sitegen's table markup differs from cmark-gfm's on purpose: a container that scrolls on
    /// narrow screens, header cells scoped to their column, alignment as a class (HTML5 has no
    /// `align`). Taken back to cmark-gfm's markup, it must be the same.
    static func asGFM(_ html: String) -> String {
        CmarkDifferentialTests.normalised(html)
            .replacingOccurrences(of: #"<div class="table-scroll"[^>]*>\n"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: "</table>\n</div>\n", with: "</table>\n")
            .replacingOccurrences(of: " scope=\"col\"", with: "")
            .replacingOccurrences(of: #" class="align-(left|center|right)""#, with: " align=\"$1\"", options: .regularExpression)
    }
}
