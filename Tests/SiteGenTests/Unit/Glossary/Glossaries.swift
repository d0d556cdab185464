import Markdown
@testable import SiteGen

/// Terms and bodies for glossary tests, without a site around them.
enum Glossaries {
    static let routes = Routes(basePath: "/", strings: Strings(text: ["paths.glossary": "ordliste"], lists: [:]))

    static func term(_ title: String, slug: String? = nil, aliases: [String] = [], forms: [String] = [], short: String = "Kort forklaring.",
                     expansion: String? = nil, related: [String] = [], autolink: Bool = true) -> GlossaryTerm {
        let slug = slug ?? Slug.make(title)
        let path = "content/glossary/\(slug).md"
        func located(_ values: [String], line: Int) -> [Located<String>] {
            values.enumerated().map { Located(value: $1, location: SourceLocation(path: path, line: line, column: 11 + $0 * 10)) }
        }
        return GlossaryTerm(
            slug: slug, title: title, titleLocation: SourceLocation(path: path, line: 2, column: 8),
            aliases: located(aliases, line: 3), forms: located(forms, line: 4), short: short, expansion: expansion,
            related: located(related, line: 5), autolink: autolink,
            body: Body(document: MarkdownDocument(blocks: []), firstLine: 7), location: SourceLocation(path: path, line: 2))
    }

    static func index(_ terms: [GlossaryTerm]) -> TermIndex {
        TermIndex.build(terms, routes: routes).0
    }

    /// The HTML of `markdown` after linking, and the terms it mentions.
    static func link(_ markdown: String, _ terms: [GlossaryTerm], ownTerm: Int? = nil, linksTerms: Bool = true) -> (html: String, mentions: [Int]) {
        var body = Body(document: MarkdownParser.parse(markdown), firstLine: 1)
        body.linksTerms = linksTerms
        let linked = TermLinker.link(body, index: index(terms), ownTerm: ownTerm)
        return (HTMLRenderer().render(linked.body.document), linked.mentions)
    }

    static let undtagelsestilstand = term("undtagelsestilstand")
    static let udgangsforbud = term("udgangsforbud", aliases: ["portforbud"])
    static let chokgranat = term("chokgranat")
    static let lpg = term("LPG", aliases: ["autogas", "flydende gas"], short: "Flydende gas.", expansion: "liquefied petroleum gas")
}
