import Testing
@testable import SiteGen

@Suite("Glossary links in text")
struct TermLinkerTests {
    private let terms = [Glossaries.undtagelsestilstand, Glossaries.udgangsforbud, Glossaries.chokgranat, Glossaries.lpg]

    private func html(_ markdown: String, ownTerm: Int? = nil, linksTerms: Bool = true) -> String {
        Glossaries.link(markdown, terms, ownTerm: ownTerm, linksTerms: linksTerms).html
    }

    private func link(_ slug: String, _ text: String) -> String {
        "<a href=\"/ordliste/\(slug)/\">\(text)</a>"
    }

    @Test("Only the first use on a page links")
    func firstUseOnly() {
        #expect(html("Der er udgangsforbud.\n\nUdgangsforbud gælder om natten.")
            == "<p>Der er \(link("udgangsforbud", "udgangsforbud")).</p>\n<p>Udgangsforbud gælder om natten.</p>\n")
    }

    @Test("Inflected forms link to the term", arguments: [
        ("Undtagelsestilstanden gælder.", "undtagelsestilstand", "Undtagelsestilstanden"),
        ("Under undtagelsestilstandens regler.", "undtagelsestilstand", "undtagelsestilstandens"),
        ("Selve udgangsforbuddet.", "udgangsforbud", "udgangsforbuddet"),
        ("Politiet brugte chokgranater.", "chokgranat", "chokgranater"),
        ("Chokgranaterne larmede.", "chokgranat", "Chokgranaterne"),
        ("Et portforbud om natten.", "udgangsforbud", "portforbud"),
    ])
    func inflections(markdown: String, slug: String, text: String) {
        #expect(html(markdown).contains(link(slug, text)))
    }

    @Test("No match inside a longer word or a hyphenated compound", arguments: [
        "Udgangsforbudsperioden er lang.",
        "Et natudgangsforbud.",
        "LPG-prisen steg.",
        "Den nye LPGX-tank.",
    ])
    func wordBoundaries(markdown: String) {
        #expect(!html(markdown).contains("<a "))
    }

    @Test("Punctuation ends a word")
    func punctuation() {
        #expect(html("(udgangsforbud)").contains("(\(link("udgangsforbud", "udgangsforbud")))"))
        #expect(html("»Undtagelsestilstand!«").contains("»\(link("undtagelsestilstand", "Undtagelsestilstand"))!«"))
    }

    @Test("An acronym matches only in capitals and is marked up with its expansion")
    func acronyms() {
        #expect(!html("Prisen på lpg steg.").contains("<a "))
        #expect(html("Prisen på LPG steg.").contains(
            "<a href=\"/ordliste/lpg/\"><abbr title=\"liquefied petroleum gas\">LPG</abbr></a>"))
        #expect(html("LPG's pris steg.").contains(
            "<a href=\"/ordliste/lpg/\"><abbr title=\"liquefied petroleum gas\">LPG</abbr>'s</a>"))
    }

    @Test("Without an expansion the short definition explains the acronym")
    func acronymTitleFromShort() {
        let result = Glossaries.link("CSTO sendte tropper.", [Glossaries.term("CSTO", short: "En militæralliance.")]).html
        #expect(result.contains("<abbr title=\"En militæralliance.\">CSTO</abbr>"))
    }

    @Test("Other names match case-insensitively, and the longest name wins")
    func aliasesAndPhrases() {
        #expect(html("Flydende Gas er billigt.").contains(link("lpg", "Flydende Gas")))
        let terms = [Glossaries.term("gas"), Glossaries.term("flydende gas")]
        #expect(Glossaries.link("Flydende gas og gas.", terms).html
            == "<p>\(link("flydende-gas", "Flydende gas")) og \(link("gas", "gas")).</p>\n")
    }

    @Test("A name of several words does not match across punctuation")
    func phrasesNeedSpaces() {
        #expect(!html("Den var flydende, gas var der ikke.").contains("<a "))
    }

    @Test("Terms inside emphasis link, and a word boundary holds across emphasis")
    func emphasis() {
        #expect(html("En *undtagelsestilstand* varer.")
            == "<p>En <em>\(link("undtagelsestilstand", "undtagelsestilstand"))</em> varer.</p>\n")
        #expect(html("**Chokgranaterne** larmede.").contains("<strong>\(link("chokgranat", "Chokgranaterne"))</strong>"))
        #expect(!html("**LPG**s pris og *udgangs*forbud.").contains("<a "))
    }

    @Test("Headings, links, code and images are left alone; the next use in text links")
    func exclusions() {
        let markdown = """
            ## Udgangsforbud

            [Om udgangsforbud](/artikler/x/), `udgangsforbud` og ![udgangsforbud](/billede.png).

                udgangsforbud

            Et udgangsforbud.
            """
        #expect(html(markdown) == """
            <h2>Udgangsforbud</h2>
            <p><a href="/artikler/x/">Om udgangsforbud</a>, <code>udgangsforbud</code> og <img src="/billede.png" alt="udgangsforbud">.</p>
            <pre><code>udgangsforbud
            </code></pre>
            <p>Et \(link("udgangsforbud", "udgangsforbud")).</p>

            """)
    }

    @Test("Lists and quotes are linked too")
    func nestedBlocks() {
        #expect(html("> - Et udgangsforbud.").contains(link("udgangsforbud", "udgangsforbud")))
    }

    @Test("A term's own entry does not link to itself")
    func ownPage() {
        let result = Glossaries.link("Et udgangsforbud under undtagelsestilstanden.", terms, ownTerm: 1)
        #expect(!result.html.contains("/ordliste/udgangsforbud/"))
        #expect(result.html.contains(link("undtagelsestilstand", "undtagelsestilstanden")))
        #expect(result.mentions == [0])
    }

    @Test("`glossary: false` leaves the text alone, but links written by hand still count")
    func glossaryOff() {
        let result = Glossaries.link("Et udgangsforbud og [LPG](/ordliste/lpg/).", terms, linksTerms: false)
        #expect(result.html == "<p>Et udgangsforbud og <a href=\"/ordliste/lpg/\">LPG</a>.</p>\n")
        #expect(result.mentions == [3])
    }

    @Test("A term with `autolink: false` is not linked automatically")
    func autolinkOff() {
        let terms = [Glossaries.term("udgangsforbud", autolink: false)]
        #expect(Glossaries.link("Et udgangsforbud.", terms).mentions == [])
        #expect(Glossaries.link("Et [udgangsforbud](/ordliste/udgangsforbud).", terms).mentions == [0])
    }

    @Test("A link by hand to the entry counts as the first use")
    func linkByHand() {
        let result = Glossaries.link("Et [forbud](/ordliste/udgangsforbud/#historie). Et udgangsforbud.", terms)
        #expect(!result.html.contains(link("udgangsforbud", "udgangsforbud")))
        #expect(result.mentions == [1])
    }

    @Test("Mentions are the terms linked, in index order")
    func mentions() {
        #expect(Glossaries.link("LPG og chokgranater, udgangsforbud.", terms).mentions == [1, 2, 3])
    }

    @Test("An apostrophe that cmark splits off still joins a name")
    func splitText() {
        #expect(html("Om LPG’s pris").contains("<abbr title=\"liquefied petroleum gas\">LPG</abbr>’s</a>"))
    }
}
