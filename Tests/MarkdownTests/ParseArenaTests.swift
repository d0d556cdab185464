import Testing
@testable import Markdown

@Suite("Parsing into the arena")
struct ParseArenaTests {
    /// A table's cells are parsed while the document's tree is being read, so this nests parses;
    /// the long paragraph makes cmark grow its buffers past one chunk of the arena.
    private let text = """
        # Undtagelsestilstand i *Almaty*

        | Dato | Hvad skete der |
        |------|----------------|
        | 5. januar | **Regeringen** gik af, se [LPG](/ordliste/lpg/) |
        | 6. januar | `CSTO` sendte ~~tropper~~ styrker |

        \(String(repeating: "Protesterne bredte sig fra Zjanaozen til Almaty. ", count: 8_000))

        - et punkt med <https://example.org> og www.example.org
        - [^1] en note

        [^1]: Noten, med *fremhævet* tekst.
        """

    @Test("Nested and repeated parses on one thread give the same tree as the first")
    func repeated() {
        let first = HTMLRenderer().render(MarkdownParser.parse(text))
        #expect(first.contains("<table>"))
        #expect(first.contains("<strong>Regeringen</strong>"))
        for _ in 0..<20 {
            #expect(HTMLRenderer().render(MarkdownParser.parse(text)) == first)
            // A small text in between reuses the memory the large one was given back.
            #expect(HTMLRenderer().render(MarkdownParser.parse("*kort*")) == "<p><em>kort</em></p>\n")
        }
    }

    @Test("Parses on many threads at once give the same tree")
    func concurrent() async {
        let first = HTMLRenderer().render(MarkdownParser.parse(text))
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<16 { group.addTask { HTMLRenderer().render(MarkdownParser.parse(text)) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == first })
    }
}
