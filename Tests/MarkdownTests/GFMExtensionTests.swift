import Markdown
import Testing

private func html(_ markdown: String) -> String {
    HTMLRenderer(allowsRawHTML: true).render(MarkdownParser.parse(markdown))
}

@Suite("Tables beyond the spec's examples")
struct TableTests {
    @Test("Text before the header row stays a paragraph")
    func paragraphBeforeTable() {
        #expect(GFMSpecTests.asGFM(html("Priser:\n| før | efter |\n| --: | --: |\n| 60 | 120 |\n")) == """
            <p>Priser:</p>
            <table>
            <thead>
            <tr>
            <th align="right">før</th>
            <th align="right">efter</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td align="right">60</td>
            <td align="right">120</td>
            </tr>
            </tbody>
            </table>

            """)
    }

    @Test("A `: line` right below the table is its caption, and names the scroll container")
    func captionBelow() {
        let output = html("| a | b |\n| - | - |\n| 1 | 2 |\n: Pris på *LPG*\n")
        #expect(output.hasPrefix("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Pris på LPG\">\n<table>\n<caption>Pris på <em>LPG</em></caption>\n<thead>\n<tr>\n<th scope=\"col\">a</th>"))
        #expect(!output.contains("<td>: Pris"))
    }

    @Test("A `: line` right above the header is the caption too")
    func captionAbove() {
        let output = html(": Priser\n| a |\n| - |\n| 1 |\n")
        #expect(output.contains("<caption>Priser</caption>"))
        #expect(!output.contains("<p>"))
    }

    @Test("Tables in block quotes and list items")
    func inContainers() {
        #expect(html("> | a | b |\n> | - | - |\n> | 1 | 2 |\n").contains("<blockquote>\n<div class=\"table-scroll\""))
        #expect(html("- | a | b |\n  | - | - |\n  | 1 | 2 |\n").contains("<td>2</td>"))
    }

    @Test("A cell starting like a block (a list marker, a heading, a quote) is text")
    func blockLikeCells() {
        let output = html("| a | b | c | d |\n| - | - | - | - |\n| - x | # y | > z | 1. w |\n")
        #expect(output.contains("<td>- x</td>\n<td># y</td>\n<td>&gt; z</td>\n<td>1. w</td>"))
    }

    @Test("Reference links in cells find definitions anywhere in the text")
    func referenceLinks() {
        #expect(html("| a |\n| - |\n| [Reuters][r] |\n\n[r]: https://www.reuters.com/\n").contains("<td><a href=\"https://www.reuters.com/\">Reuters</a></td>"))
    }

    @Test("Links in cells keep their line and column in the text")
    func positionsInCells() {
        let document = MarkdownParser.parse("Tekst.\n\n| Kilde | Pris |\n| --- | --- |\n| æ [Reuters](/kilder/) | 120 |\n")
        var positions: [SourcePosition] = []
        document.blocks.forEachInline { inline in
            if case .link(_, _, _, let position) = inline { positions.append(position) }
        }
        #expect(positions == [SourcePosition(line: 5, column: 5)])
    }
}

@Suite("Strikethrough and autolinks beyond the spec's examples")
struct InlineExtensionTests {
    @Test("Strikethrough holds other inlines and stays out of code")
    func strikethrough() {
        #expect(html("~~*gammel* pris~~ og `~~kode~~`\n") == "<p><del><em>gammel</em> pris</del> og <code>~~kode~~</code></p>\n")
        #expect(html("a ~~~tre~~~ og ~~ikke lukket\n") == "<p>a ~~~tre~~~ og ~~ikke lukket</p>\n")
    }

    @Test("Autolinks are not made inside links or code")
    func autolinksNotInLinks() {
        #expect(html("[www.example.org](https://example.org/) `https://x.org`\n") == "<p><a href=\"https://example.org/\">www.example.org</a> <code>https://x.org</code></p>\n")
    }

    @Test("A bare URL after Danish text and before a full stop")
    func bareURL() {
        #expect(html("Læs mere på https://www.reuters.com/world/.\n") == "<p>Læs mere på <a href=\"https://www.reuters.com/world/\">https://www.reuters.com/world/</a>.</p>\n")
    }
}

@Suite("Footnotes")
struct FootnoteTests {
    @Test("Notes are numbered in the order the text refers to them, with links both ways")
    func numberedInOrderOfUse() {
        let output = html("""
            Første[^b] og anden[^a], igen[^b].

            [^a]: Note A.
            [^b]: Note B.

            """)
        #expect(output == """
            <p>Første<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup> og anden<sup class="footnote-ref"><a href="#fn-2" id="fnref-2">2</a></sup>, igen<sup class="footnote-ref"><a href="#fn-1" id="fnref-1-2">1</a></sup>.</p>
            <section class="footnotes" aria-label="Notes">
            <ol>
            <li id="fn-1">
            <p>Note B. <a href="#fnref-1" class="footnote-back" aria-label="Back to the text">↩\u{FE0E}</a> <a href="#fnref-1-2" class="footnote-back" aria-label="Back to the text">↩\u{FE0E}<sup>2</sup></a></p>
            </li>
            <li id="fn-2">
            <p>Note A. <a href="#fnref-2" class="footnote-back" aria-label="Back to the text">↩\u{FE0E}</a></p>
            </li>
            </ol>
            </section>

            """)
    }

    @Test("A note holding only a URL is a note, not a link definition")
    func urlOnlyNote() {
        let output = html("Kilde[^1].\n\n[^1]: https://www.reuters.com/\n")
        #expect(output.contains("Kilde<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\">1</a></sup>."))
        #expect(output.contains("<p><a href=\"https://www.reuters.com/\">https://www.reuters.com/</a> <a href=\"#fnref-1\""))
        #expect(!output.contains("<a>^1</a>"))
    }

    @Test("A note interrupts a paragraph, and continues with lines indented four spaces")
    func continuation() {
        let output = html("Tekst[^n].\n[^n]: Første afsnit\nfortsat.\n\n    Andet afsnit med *kursiv*.\n\nEfter.\n")
        #expect(output == """
            <p>Tekst<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup>.</p>
            <p>Efter.</p>
            <section class="footnotes" aria-label="Notes">
            <ol>
            <li id="fn-1">
            <p>Første afsnit
            fortsat.</p>
            <p>Andet afsnit med <em>kursiv</em>. <a href="#fnref-1" class="footnote-back" aria-label="Back to the text">↩\u{FE0E}</a></p>
            </li>
            </ol>
            </section>

            """)
    }

    @Test("Unknown references, unused and doubled notes are reported at their line and column")
    func problems() {
        let document = MarkdownParser.parse("Tekst[^1] og [^x].\n\n[^1]: A.\n[^1]: B.\n[^2]: C.\n")
        #expect(document.problems == [
            MarkdownProblem(.unknownFootnote(label: "x"), at: SourcePosition(line: 1, column: 14)),
            MarkdownProblem(.duplicateFootnote(label: "1"), at: SourcePosition(line: 4, column: 1)),
            MarkdownProblem(.unusedFootnote(label: "2"), at: SourcePosition(line: 5, column: 1)),
        ])
        #expect(html("Tekst [^x].\n") == "<p>Tekst [^x].</p>\n")
    }

    @Test("A note in a fenced code block is code")
    func notInCode() {
        #expect(html("```\n[^1]: x\n```\n") == "<pre><code>[^1]: x\n</code></pre>\n")
    }

    @Test("The prefix keeps the notes of several texts on one page apart")
    func prefix() {
        var renderer = HTMLRenderer()
        renderer.footnotePrefix = "lpg-"
        let output = renderer.render(MarkdownParser.parse("A[^1]\n\n[^1]: B\n"))
        #expect(output.contains("href=\"#fn-lpg-1\" id=\"fnref-lpg-1\""))
        #expect(output.contains("<li id=\"fn-lpg-1\">"))
    }

    @Test("References in table cells are numbered with the rest")
    func inTables() {
        let output = html("| a |\n| - |\n| b[^1] |\n\n[^1]: Note.\n")
        #expect(output.contains("<td>b<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\">1</a></sup></td>"))
    }
}
