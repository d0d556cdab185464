import Testing
@testable import SiteGen

@Suite("Glossary names")
struct TermIndexTests {
    private func problems(_ terms: [GlossaryTerm]) -> [String] {
        TermIndex.build(terms, routes: Glossaries.routes).1.map(\.description)
    }

    @Test("Two terms with the same name are reported at the later file")
    func sharedAlias() {
        let terms = [Glossaries.term("LPG", aliases: ["autogas"]), Glossaries.term("autogas", slug: "autogas")]
        #expect(problems(terms) == [
            "content/glossary/lpg.md:3:11: error: `autogas` is also a name of the term `autogas` (content/glossary/autogas.md:2); a word can link to one entry only, so remove it from one of the terms",
        ])
    }

    @Test("Names collide whatever their case and spacing")
    func caseAndSpacing() {
        let terms = [Glossaries.term("flydende gas", slug: "a"), Glossaries.term("b", slug: "b", aliases: ["Flydende  Gas"])]
        #expect(problems(terms).count == 1)
    }

    @Test("A term may repeat its own name or a form of it")
    func ownForms() {
        #expect(problems([Glossaries.term("undtagelsestilstand", aliases: ["Undtagelsestilstanden", "undtagelsestilstand"])]) == [])
    }

    @Test("A form made for two terms links to neither; a name an editor wrote wins over a made form")
    func madeForms() {
        // `gasse` + `n` and `gas` + doubled `s` + `en` are both `gassen`.
        let shared = [Glossaries.term("gas"), Glossaries.term("gasse")]
        #expect(problems(shared) == [])
        #expect(Glossaries.link("Gassen.", shared).mentions == [])
        let written = [Glossaries.term("gas"), Glossaries.term("gassen", slug: "gassen")]
        #expect(Glossaries.link("Gassen.", written).mentions == [1])
    }

    @Test("Links to a term's page are recognised with or without the trailing slash and fragment")
    func pagesByPath() {
        let index = Glossaries.index([Glossaries.lpg])
        #expect(index.term(linkedBy: "/ordliste/lpg/") == 0)
        #expect(index.term(linkedBy: "/ordliste/lpg") == 0)
        #expect(index.term(linkedBy: "/ordliste/lpg/#udtale") == 0)
        #expect(index.term(linkedBy: "ordliste/lpg/") == nil)
        #expect(index.term(linkedBy: "/ordliste/") == nil)
    }
}
