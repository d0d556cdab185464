import Ccmark
import Foundation
import Markdown
import Testing

/// One Markdown input for the comparison with cmark, named for what it exercises.
struct CmarkCase: Sendable, CustomTestStringConvertible {
    let name: String
    let markdown: String

    init(_ name: String, _ markdown: String) {
        self.name = name
        self.markdown = markdown
    }

    var testDescription: String { name }
}

/// `HTMLRenderer` promises cmark's HTML conventions. cmark's own renderer, run on the same
/// text with raw HTML allowed, is the reference; the only accepted difference is that we
/// write void elements HTML5-style (`<hr>`, `<br>`, `<img ...>`) where cmark writes `/>`.
@Suite("HTML matches cmark's own renderer")
struct CmarkDifferentialTests {
    static let cases: [CmarkCase] = [
        // Headings
        CmarkCase("ATX headings of every level", "# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six\n"),
        CmarkCase("setext headings", "Title\n=====\n\nSubtitle\n--------\n"),
        CmarkCase("heading with closing hashes and inlines", "## A *b* `c` ##\n"),
        // Paragraphs and breaks
        CmarkCase("paragraphs with a soft break", "line one\nline two\n\nnext paragraph\n"),
        CmarkCase("hard breaks by spaces and by backslash", "two spaces  \nbackslash\\\nend\n"),
        CmarkCase("trailing spaces at the end of a paragraph", "last line  \n"),
        // Lists
        CmarkCase("tight bullet list", "- a\n- b\n- c\n"),
        CmarkCase("loose bullet list", "- a\n\n- b\n"),
        CmarkCase("nested tight lists", "- a\n  - b\n    - c\n- d\n"),
        CmarkCase("loose list holding a tight list", "- a\n\n  - b\n  - c\n\n- d\n"),
        CmarkCase("ordered list starting at 3", "3. three\n4. four\n"),
        CmarkCase("ordered list starting at 0", "0. zero\n1. one\n"),
        CmarkCase("ordered list with parentheses", "1) a\n2) b\n"),
        CmarkCase("list item with paragraphs and indented code", "1. para\n\n   more\n\n       code\n2. x\n"),
        CmarkCase("empty list item", "-\n- a\n"),
        CmarkCase("list item starting with a fenced code block", "- ```\n  code\n  ```\n- b\n"),
        // Block quotes
        CmarkCase("block quote with a list and a paragraph", "> - a\n> - b\n>\n> para\n"),
        CmarkCase("nested block quotes", "> outer\n>> inner\n"),
        CmarkCase("lazy continuation line in a block quote", "> a\nb\n"),
        CmarkCase("block quote with heading and code", "> # Quoted\n>\n>     code\n"),
        CmarkCase("empty block quote", ">\n"),
        // Code
        CmarkCase("code spans", "Use `code` and ``a ` b`` and ` `` `\n"),
        CmarkCase("code span with markup characters", "`<b>&amp;</b>` \"q\"\n"),
        CmarkCase("fenced code with a language", "```swift\nlet x = 1 < 2 && y > \"z\"\n```\n"),
        CmarkCase("fenced code with an info string of several words", "~~~ ruby startline=3\nputs 1\n~~~\n"),
        CmarkCase("fenced code with a tab in the info string", "```python\tlinenos\nprint(1)\n```\n"),
        CmarkCase("fenced code with an entity in the info string", "``` f&ouml;&ouml;\nx\n```\n"),
        CmarkCase("unclosed fenced code", "```\nno close\n"),
        CmarkCase("indented code", "    indented\n    code\n\n    more\n"),
        // Emphasis
        CmarkCase("emphasis and strong nested", "*em **strong** em* and **strong *em* strong** and ***both***\n"),
        CmarkCase("underscores inside words and around them", "snake_case_word and __strong__ and _em_\n"),
        // Links and images
        CmarkCase("links with titles in three quote styles", "[a](/url \"Title\") [b](/u 'single') [c](/u (paren)) [d](<with space>)\n"),
        CmarkCase("reference link", "[foo][bar] and [bar]\n\n[bar]: /target \"T\"\n"),
        CmarkCase("link text with emphasis and code, query string", "[*em* and `code`](https://example.org/a?b=1&c=2)\n"),
        CmarkCase("link destination with parentheses and non-ASCII", "[a](/url(with)parens) [b](/f&ouml;o/æ)\n"),
        CmarkCase("link destination needing percent-encoding", "[x](</a b?q=\"c\"|d>)\n"),
        CmarkCase("image with emphasis and strong in alt text", "![an *emphasised* **alt**](/img.png \"T\")\n"),
        CmarkCase("image with code and a break in alt text", "![a `b`\nc](/i.png)\n"),
        CmarkCase("image inside a link", "[![alt](/i.png)](/page)\n"),
        CmarkCase("autolinks", "<https://example.org/x?y=1&z=2> and <mail@example.org>\n"),
        // Text
        CmarkCase("entities", "&copy; &amp; &lt; &#35; &#x41; &nbsp; &bogus; &quot;\n"),
        CmarkCase("backslash escapes", "\\*not em\\* \\# \\[x\\] \\\\ \\` \\<b\\>\n"),
        CmarkCase("apostrophes in text, code and titles", "Don't panic, it's `'quoted'` [x](/y \"it's\")\n"),
        CmarkCase("non-ASCII text", "Æblegrød på Østerbro — “quotes” – 日本\n"),
        CmarkCase("thematic breaks", "a\n\n***\n---\n_ _ _\n"),
        // Raw HTML (allowed)
        CmarkCase("raw HTML block", "<div class=\"x\">\n*not md*\n</div>\n\nafter\n"),
        CmarkCase("raw HTML inline", "a <span class=\"x\">b</span> <!-- c --> d\n"),
        CmarkCase("HTML comment block", "<!-- comment -->\n\ntext\n"),
        CmarkCase("raw HTML block inside a block quote", "> <div>\n> hi\n> </div>\n"),
        // A whole document
        CmarkCase("mixed document", """
            # Uroen i Kasakhstan

            Protesterne begyndte i **Zhanaozen** den 2. januar.
            Se [tidslinjen](/tidslinje/ "Tidslinje").

            1. Prisen på LPG steg.
            2. Folk gik på gaden:
               - i Zhanaozen
               - i Almaty

            > Citat med *kursiv*.

            ```text
            kode
            ```

            ---
            Slut.

            """),
    ]

    @Test("Same HTML as cmark", arguments: cases)
    func sameHTMLAsCmark(_ example: CmarkCase) {
        let expected = Self.normalised(Self.cmarkHTML(example.markdown))
        let actual = Self.normalised(HTMLRenderer(allowsRawHTML: true).render(MarkdownParser.parse(example.markdown)))
        #expect(actual == expected, "Markdown: \(example.markdown.debugDescription)")
    }

    /// cmark's HTML with raw HTML let through, the mode `allowsRawHTML: true` corresponds to.
    static func cmarkHTML(_ markdown: String) -> String {
        let bytes = Array(markdown.utf8)
        let rendered: UnsafeMutablePointer<CChar>? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_markdown_to_html(chars.baseAddress, chars.count, CMARK_OPT_UNSAFE)
            }
        }
        guard let rendered else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// The documented difference: HTML5 void elements without the XHTML slash.
    static func normalised(_ html: String) -> String {
        html.replacingOccurrences(of: "<hr />", with: "<hr>")
            .replacingOccurrences(of: "<br />", with: "<br>")
            .replacingOccurrences(of: #"(<img [^>]*?) />"#, with: "$1>", options: .regularExpression)
    }
}
