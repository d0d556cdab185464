import Testing
@testable import SiteGen

@Suite("Danish word forms of glossary terms")
struct TermFormsTests {
    private func forms(_ name: String) -> Set<String> {
        Set(TermForms.forms(of: name).map(\.form))
    }

    @Test("A term matches its definite, plural and genitive forms", arguments: [
        ("undtagelsestilstand", ["undtagelsestilstand", "undtagelsestilstanden", "undtagelsestilstandens", "undtagelsestilstande"]),
        ("udgangsforbud", ["udgangsforbud", "udgangsforbuddet", "udgangsforbuddets", "udgangsforbuds", "udgangsforbuddene"]),
        ("chokgranat", ["chokgranat", "chokgranaten", "chokgranater", "chokgranaterne", "chokgranaternes"]),
        ("akimat", ["akimatet", "akimater", "akimats"]),
        ("priskontrol", ["priskontrollen", "priskontrollens"]),
        ("tåregas", ["tåregassen", "tåregassens"]),
        ("tenge", ["tengen", "tenger", "tengerne", "tenges"]),
        ("flydende gas", ["flydende gassen", "flydende gas"]),
    ])
    func inflections(name: String, expected: [String]) {
        #expect(Set(expected).subtracting(forms(name)) == [])
    }

    @Test("A word ending in s gets no second s for the genitive")
    func noDoubleGenitive() {
        #expect(!forms("tåregas").contains("tåregass"))
        #expect(!forms("oblys").contains("oblyss"))
    }

    @Test("A name ending in a digit is not inflected")
    func digits() {
        #expect(forms("akimat 2") == ["akimat 2"])
    }

    @Test("An acronym keeps its capitals and takes only a genitive")
    func acronyms() {
        #expect(forms("LPG") == ["LPG", "LPG's", "LPG’s"])
    }

    @Test("Acronyms are two or more letters, all capitals", arguments: [
        ("LPG", true), ("CSTO", true), ("LPG 2", true), ("KNB-styrker", false), ("A", false), ("Lpg", false), ("akimat", false),
    ])
    func acronymDetection(name: String, isAcronym: Bool) {
        #expect(TermForms.isAcronym(name) == isAcronym)
    }
}
