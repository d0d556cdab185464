import Markdown
import Testing

private func typeset(_ markdown: String, _ quotes: Typography.Quotes = .danish) -> String {
    HTMLRenderer(allowsRawHTML: true).render(MarkdownDocument(blocks: Typography.apply(MarkdownParser.parse(markdown).blocks, quotes: quotes)))
}

@Suite("Typography")
struct TypographyTests {
    @Test("Danish quotes, single ones inside double ones, and apostrophes")
    func danishQuotes() {
        #expect(typeset("Han sagde: \"Det er 'for dyrt', og LPG'en stiger.\"\n")
            == "<p>Han sagde: »Det er ›for dyrt‹, og LPG’en stiger.«</p>\n")
    }

    @Test("English quotes")
    func englishQuotes() {
        #expect(typeset("\"It's 'too much',\" she said.\n", .english) == "<p>“It’s ‘too much’,” she said.</p>\n")
    }

    @Test("Dashes and the ellipsis")
    func dashes() {
        #expect(typeset("Januar--februar --- og så...\n") == "<p>Januar–februar — og så…</p>\n")
    }

    @Test("Marks beside letters beyond ASCII read those letters whole")
    func besideNonASCII() {
        #expect(typeset("Ærø's \"øl\"... og 😀 \"x\"\n") == "<p>Ærø’s »øl«… og 😀 »x«</p>\n")
    }

    @Test("A quote across emphasis and a line break is one quote")
    func acrossInlines() {
        #expect(typeset("\"*Nej*\" og \"nej,\nsagde han\"\n") == "<p>»<em>Nej</em>« og »nej,\nsagde han«</p>\n")
    }

    @Test("Never inside code, raw HTML or a URL")
    func leftAlone() {
        #expect(typeset("`\"kode\" -- ...` <span title=\"x\">\"y\"</span> https://example.org/a--b...\n")
            == "<p><code>&quot;kode&quot; -- ...</code> <span title=\"x\">»y«</span> <a href=\"https://example.org/a--b\">https://example.org/a--b</a>…</p>\n")
        #expect(typeset("```\n\"a\" -- b\n```\n") == "<pre><code>&quot;a&quot; -- b\n</code></pre>\n")
    }

    @Test("Headings, table cells and notes are set too")
    func everywhere() {
        #expect(typeset("# \"A\"\n") == "<h1>»A«</h1>\n")
        #expect(typeset("| \"a\" |\n| - |\n| b--c |\n").contains("<th scope=\"col\">»a«</th>"))
    }

    @Test("Quotes given as four characters")
    func fromString() {
        #expect(Typography.Quotes("»«›‹") == .danish)
        #expect(Typography.Quotes("«»") == nil)
    }
}
