import Foundation
import Markdown
import Testing

/// The CommonMark spec's examples (0.31.2, the version `scripts/setup.sh --test` fetches),
/// rendered by sitegen's parser and renderer, give the spec's HTML: void elements written
/// HTML5-style aside, as in `CmarkDifferentialTests`. GFM's extensions are on, as on every
/// site; only its extended autolinks change any of these examples.
@Suite("CommonMark spec examples")
struct CommonMarkSpecTests {
    static let examples = SpecTexts.examples("commonmark.txt")

    /// Where CommonMark 0.31.2 says something else than 0.30, which Debian's libcmark (0.30.x)
    /// implements. Each still has to give exactly what libcmark gives.
    static let differencesOfSpecVersion: [Int: String] = [
        354: "0.31 counts Unicode symbols such as `$` as punctuation when deciding whether `*` can open emphasis; 0.30 counts punctuation only",
        625: "0.31 allows `--` inside an HTML comment; in 0.30 `<!-- a -- b -->` is no comment",
        626: "0.31 makes `<!-->` and `<!--->` complete comments; in 0.30 they are text",
    ]

    /// Plain-text URLs and email addresses that CommonMark leaves as text and GFM's extended
    /// autolinks link (as GitHub does). With those links taken out again, the HTML is the spec's.
    static let differencesOfGFM: Set<Int> = [606, 608, 611, 612]

    @Test("The spec text has all its examples")
    func allExamplesRead() {
        #expect(Self.examples.count == 652)
    }

    @Test("Same HTML as the spec", arguments: examples)
    func sameHTMLAsSpec(_ example: SpecExample) {
        let actual = CmarkDifferentialTests.normalised(HTMLRenderer(allowsRawHTML: true).render(MarkdownParser.parse(example.markdown)))
        if Self.differencesOfSpecVersion[example.number] != nil {
            let libcmark = CmarkDifferentialTests.normalised(CmarkDifferentialTests.cmarkHTML(example.markdown))
            #expect(actual == libcmark, "Markdown: \(example.markdown.debugDescription)")
            #expect(actual != CmarkDifferentialTests.normalised(example.html), "no longer a difference: remove it from the list")
        } else if Self.differencesOfGFM.contains(example.number) {
            let unlinked = actual.replacingOccurrences(of: #"<a href="[^"]*">([^<]*)</a>"#, with: "$1", options: .regularExpression)
            #expect(unlinked == CmarkDifferentialTests.normalised(example.html), "Markdown: \(example.markdown.debugDescription)")
            #expect(unlinked != actual, "no longer a difference: remove it from the list")
        } else {
            #expect(actual == CmarkDifferentialTests.normalised(example.html), "Markdown: \(example.markdown.debugDescription)")
        }
    }
}
