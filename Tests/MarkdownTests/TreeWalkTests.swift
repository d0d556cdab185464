import Markdown
import Testing

private func parse(_ text: String) -> [BlockNode] { MarkdownParser.parse(text).blocks }

@Suite("The tree walker")
struct TreeWalkTests {
    @Test("forEachBlock visits blocks in quotes and list items, in document order")
    func blocksInDocumentOrder() {
        var kinds: [String] = []
        parse("# A\n\n> b\n>\n> - c\n\n```x\nd\n```\n").forEachBlock { block in
            switch block {
            case .heading: kinds.append("heading")
            case .blockQuote: kinds.append("quote")
            case .list: kinds.append("list")
            case .paragraph(let inlines): kinds.append("p:" + inlines.plainText)
            case .codeBlock(let info, _, _): kinds.append("code:" + info)
            default: kinds.append("other")
            }
        }
        #expect(kinds == ["heading", "quote", "p:b", "list", "p:c", "code:x"])
    }

    @Test("forEachInline finds links inside emphasis, quotes and headings")
    func inlinesEverywhere() {
        var destinations: [String] = []
        parse("# [h](/a/)\n\n> *[q](/b/)*\n\n- ![alt](c.png)\n").forEachInline { inline in
            switch inline {
            case .link(let destination, _, _, _), .image(let destination, _, _, _): destinations.append(destination)
            default: break
            }
        }
        #expect(destinations == ["/a/", "/b/", "c.png"])
    }

    @Test("rewritingBlocks replaces a nested block and keeps everything else as it was")
    func rewriteNested() {
        let blocks = parse("Før.\n\n> - ```map\n>   x\n>   ```\n\nEfter.\n")
        let rewritten = blocks.rewritingBlocks { block in
            guard case .codeBlock(let info, _, _) = block, info == "map" else { return nil }
            return [.trustedHTML("<figure>kort</figure>")]
        }
        let html = HTMLRenderer().render(MarkdownDocument(blocks: rewritten))
        #expect(html == "<p>Før.</p>\n<blockquote>\n<ul>\n<li><figure>kort</figure></li>\n</ul>\n</blockquote>\n<p>Efter.</p>\n")
    }

    @Test("rewritingBlocks can remove a block or put two in its place")
    func rewriteToZeroOrMany() {
        let rewritten = parse("a\n\n---\n\nb\n").rewritingBlocks { block in
            switch block {
            case .thematicBreak: return []
            case .paragraph(let inlines) where inlines.plainText == "b": return [block, block]
            default: return nil
            }
        }
        #expect(HTMLRenderer().render(MarkdownDocument(blocks: rewritten)) == "<p>a</p>\n<p>b</p>\n<p>b</p>\n")
    }

    @Test("rewritingInlines tells paragraphs from headings")
    func rewriteInlines() {
        let rewritten = parse("# LPG\n\nLPG\n").rewritingInlines { inlines, container in
            container == .paragraph ? [.strong(inlines)] : nil
        }
        #expect(HTMLRenderer().render(MarkdownDocument(blocks: rewritten)) == "<h1>LPG</h1>\n<p><strong>LPG</strong></p>\n")
    }
}

@Suite("Deep nesting")
struct DeepNestingTests {
    /// The depth of the tree handed out, counting every block and inline container.
    private func depth(_ blocks: [BlockNode]) -> Int {
        blocks.map { block -> Int in
            switch block {
            case .blockQuote(let children): 1 + depth(children)
            case .list(_, _, let items): 2 + (items.map(depth).max() ?? 0)
            case .paragraph(let inlines), .heading(_, let inlines, _, _): 1 + depth(inlines)
            default: 1
            }
        }.max() ?? 0
    }

    private func depth(_ inlines: [InlineNode]) -> Int {
        inlines.map { 1 + depth($0.children ?? []) }.max() ?? 0
    }

    /// The inputs that overflowed the stack, by name (the texts are too long to print).
    static let deepTexts: [String: String] = [
        "13,000 >": String(repeating: ">", count: 13_000) + " bund\n",
        "12,214 list markers": String(repeating: "- ", count: 12_214) + "bund\n",
        "37,738 emphasis openers": String(repeating: "*a ", count: 37_738) + "bund\n",
        "20,000 nested links": String(repeating: "[", count: 20_000) + "bund" + String(repeating: "](/x)", count: 20_000) + "\n",
    ]

    @Test("Inputs that overflowed the stack parse, render and keep the text", arguments: deepTexts.keys.sorted())
    func deepInputs(name: String) {
        let document = MarkdownParser.parse(Self.deepTexts[name]!)
        #expect(depth(document.blocks) <= MarkdownParser.maximumDepth + 2)
        let html = HTMLRenderer().render(document)
        #expect(html.contains("bund"))
    }

    @Test("Where it cuts, the document says so, at the first line that was cut")
    func flattenedPosition() {
        let text = "Først.\n\n" + String(repeating: ">", count: 100) + " dybt\n"
        let document = MarkdownParser.parse(text)
        #expect(document.flattenedAt?.line == 3)
        #expect(HTMLRenderer().render(document).contains("dybt"))
    }

    @Test("Text an editor writes is never cut")
    func ordinaryNesting() {
        let document = MarkdownParser.parse("> - a\n>   - b\n>     > *c **d***\n")
        #expect(document.flattenedAt == nil)
    }
}
