import Markdown
import Testing

private func html(_ markdown: String, allowsRawHTML: Bool = false) -> String {
    HTMLRenderer(allowsRawHTML: allowsRawHTML).render(MarkdownParser.parse(markdown))
}

@Suite("Safe rendering (the default)")
struct SafeRenderingTests {
    @Test("A raw HTML block is replaced, not passed through")
    func rawHTMLBlockIsReplaced() {
        let output = html("<div class=\"box\">\nHello\n</div>\n\nAfter.\n")
        #expect(!output.contains("<div"))
        #expect(!output.contains("Hello"))
        #expect(output.contains("<!-- raw HTML omitted -->"))
        #expect(output.contains("<p>After.</p>"))
    }

    @Test("A <script> block is replaced, not passed through")
    func scriptBlockIsReplaced() {
        let output = html("<script>alert(1)</script>\n")
        #expect(!output.contains("<script"))
        #expect(!output.contains("alert"))
    }

    @Test("Inline raw HTML is replaced but the text around and between it stays")
    func inlineRawHTMLIsReplaced() {
        let output = html("a <span onclick=\"x()\">b</span> c\n")
        #expect(!output.contains("<span"))
        #expect(!output.contains("onclick"))
        #expect(output == "<p>a <!-- raw HTML omitted -->b<!-- raw HTML omitted --> c</p>\n")
    }

    @Test("Allowing raw HTML passes it through unchanged")
    func allowedRawHTMLPassesThrough() {
        #expect(html("a <b>bold</b>\n", allowsRawHTML: true) == "<p>a <b>bold</b></p>\n")
        #expect(html("<div>\nx\n</div>\n", allowsRawHTML: true) == "<div>\nx\n</div>\n")
    }

    @Test("<script> written as text is escaped, not markup")
    func scriptInTextIsEscaped() {
        #expect(html("Type &lt;script&gt;alert(1)&lt;/script&gt; here\n")
            == "<p>Type &lt;script&gt;alert(1)&lt;/script&gt; here</p>\n")
        #expect(html("Type \\<script> here\n") == "<p>Type &lt;script&gt; here</p>\n")
        #expect(html("`<script>`\n") == "<p><code>&lt;script&gt;</code></p>\n")
    }

    @Test("Text characters that are special in HTML are escaped")
    func specialCharactersEscaped() {
        #expect(html("1 < 2 > 0 & \"q\"\n") == "<p>1 &lt; 2 &gt; 0 &amp; &quot;q&quot;</p>\n")
    }

    @Test("Code blocks are escaped", arguments: [false, true])
    func codeBlocksEscaped(allowsRawHTML: Bool) {
        #expect(html("```html\n<b>&</b>\n```\n", allowsRawHTML: allowsRawHTML)
            == "<pre><code class=\"language-html\">&lt;b&gt;&amp;&lt;/b&gt;\n</code></pre>\n")
    }

    @Test("Dangerous link URLs are blanked", arguments: [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "data:text/html;base64,PHNjcmlwdD4=",
        "DATA:text/html,x",
    ])
    func dangerousLinkBlanked(url: String) {
        #expect(html("[click](<\(url)>)\n") == "<p><a href=\"\">click</a></p>\n")
    }

    @Test("Dangerous image URLs are blanked", arguments: [
        "javascript:alert(1)",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "data:text/html;base64,PHNjcmlwdD4=",
    ])
    func dangerousImageBlanked(url: String) {
        #expect(html("![pic](<\(url)>)\n") == "<p><img src=\"\" alt=\"pic\"></p>\n")
    }

    @Test("Dangerous URLs are blanked even when raw HTML is allowed")
    func dangerousURLBlankedWithRawHTML() {
        #expect(html("[x](javascript:alert(1))\n", allowsRawHTML: true) == "<p><a href=\"\">x</a></p>\n")
    }

    @Test("A PNG data URL for an image is kept")
    func pngDataURLKept() {
        let output = html("![dot](data:image/png;base64,iVBORw0KGgo=)\n")
        #expect(output == "<p><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\"></p>\n")
    }

    @Test("Ordinary URLs are kept", arguments: ["https://example.org/", "/tidslinje/", "mailto:a@example.org", "#anchor"])
    func ordinaryURLsKept(url: String) {
        #expect(html("[x](\(url))\n") == "<p><a href=\"\(url)\">x</a></p>\n")
    }

    @Test("Quotes and ampersands in titles cannot break out of the attribute")
    func titleEscaped() {
        let output = html("[x](/a \"Say \\\"hi\\\" & <bye>\")\n")
        #expect(output == "<p><a href=\"/a\" title=\"Say &quot;hi&quot; &amp; &lt;bye&gt;\">x</a></p>\n")
    }

    @Test("Quotes and ampersands in URLs cannot break out of the attribute")
    func urlEscaped() {
        let output = html("[x](</a?b=1&c=\"2\" onmouseover='x'>)\n")
        #expect(output == "<p><a href=\"/a?b=1&amp;c=%222%22%20onmouseover=&#x27;x&#x27;\">x</a></p>\n")
    }

    @Test("Quotes in image alt text and titles are escaped")
    func imageAttributesEscaped() {
        let output = html("![a \"b\" & c](/i.png \"t \\\"q\\\"\")\n")
        #expect(output == "<p><img src=\"/i.png\" alt=\"a &quot;b&quot; &amp; c\" title=\"t &quot;q&quot;\"></p>\n")
    }
}

@Suite("Rewriting destinations")
struct ResolveDestinationTests {
    private let renderer = HTMLRenderer(resolveDestination: { destination in
        destination.hasSuffix(".md") ? "/site/" + destination.dropLast(3) + "/" : "/media/" + destination
    })

    @Test("Link destinations are rewritten")
    func linksRewritten() {
        let output = renderer.render(MarkdownParser.parse("See [the page](page.md).\n"))
        #expect(output == "<p>See <a href=\"/site/page/\">the page</a>.</p>\n")
    }

    @Test("Reference links and autolinks are rewritten too, their text is not")
    func referenceAndAutolinksRewritten() {
        let marking = HTMLRenderer(resolveDestination: { "/resolved/" + $0 })
        let output = marking.render(MarkdownParser.parse("[a][r] <https://example.org/>\n\n[r]: other.md\n"))
        #expect(output == "<p><a href=\"/resolved/other.md\">a</a> "
            + "<a href=\"/resolved/https://example.org/\">https://example.org/</a></p>\n")
    }

    @Test("Image sources are rewritten")
    func imagesRewritten() {
        let output = renderer.render(MarkdownParser.parse("![Map](map.png)\n"))
        #expect(output == "<p><img src=\"/media/map.png\" alt=\"Map\"></p>\n")
    }

    @Test("Text that looks like a destination is left alone")
    func textNotRewritten() {
        let output = renderer.render(MarkdownParser.parse("Open page.md or `map.png` by hand.\n"))
        #expect(output == "<p>Open page.md or <code>map.png</code> by hand.</p>\n")
    }

    @Test("The rewritten destination is escaped for the attribute")
    func rewrittenDestinationEscaped() {
        let quoting = HTMLRenderer(resolveDestination: { _ in "/a b?x=1&y=\"2\"" })
        let output = quoting.render(MarkdownParser.parse("[x](y)\n"))
        #expect(output == "<p><a href=\"/a%20b?x=1&amp;y=%222%22\">x</a></p>\n")
    }
}

@Suite("Source positions")
struct SourcePositionTests {
    private let document = MarkdownParser.parse("""
        Intro paragraph
        over two lines.

        ## Second heading

        ```swift
        let x = 1
        ```

        Setext heading
        ==============

          ~~~
          indented fence
          ~~~
        """)

    @Test("A heading's position is the line it is written on")
    func headingLine() {
        let lines = document.blocks.compactMap { block -> Int? in
            if case .heading(_, _, _, let position) = block { return position.line }
            return nil
        }
        #expect(lines == [4, 10])
    }

    @Test("A fenced code block's position is the line of its opening fence")
    func codeBlockLine() {
        let positions = document.blocks.compactMap { block -> SourcePosition? in
            if case .codeBlock(_, _, let position) = block { return position }
            return nil
        }
        #expect(positions.map(\.line) == [6, 13])
        #expect(positions.map(\.column) == [1, 3])
    }

    @Test("Positions count from the first line of the text, not the first block")
    func leadingBlankLines() {
        let document = MarkdownParser.parse("\n\n\n# Title\n")
        guard case .heading(_, _, _, let position)? = document.blocks.first else {
            Issue.record("expected a heading, got \(document.blocks)")
            return
        }
        #expect(position.line == 4)
    }
}

@Suite("Plain text of inlines")
struct PlainTextTests {
    private func inlines(_ markdown: String) -> [InlineNode] {
        guard case .paragraph(let inlines)? = MarkdownParser.parse(markdown).blocks.first else { return [] }
        return inlines
    }

    @Test("Nested emphasis, code and links give their words without markup")
    func nestedInlines() {
        let text = inlines("Hello *dear **old** friend* with `code` and [a *link*](/x \"title\").\n").plainText
        #expect(text == "Hello dear old friend with code and a link.")
    }

    @Test("Line breaks become spaces")
    func breaksBecomeSpaces() {
        #expect(inlines("one\ntwo  \nthree\n").plainText == "one two three")
    }

    @Test("An image contributes its alt text, not its URL")
    func imageAltText() {
        #expect(inlines("See ![a *big* map](/map.png \"Map\") here\n").plainText == "See a big map here")
    }

    @Test("Entities and escapes are decoded")
    func entitiesDecoded() {
        #expect(inlines("&amp; \\*x\\* &copy;\n").plainText == "& *x* ©")
    }

    @Test("Raw inline HTML tags are left out, their text content kept")
    func rawHTMLLeftOut() {
        #expect(inlines("a <b>bold</b> word\n").plainText == "a bold word")
    }
}
