import Testing
@testable import SiteGen

@Suite("Collation")
struct CollationOrderTests {
    private func sorted(_ words: [String], _ language: String) -> [String] {
        Collation.sorted(words, language: language, by: { $0 })
    }

    @Test("Danish puts æ, ø, å after z, in that order, and ignores case")
    func danishOrder() {
        #expect(sorted(["åbning", "Zink", "ærter", "øl", "avis"], "da") == ["avis", "Zink", "ærter", "øl", "åbning"])
    }

    @Test("Danish capital Æ, Ø, Å sort with their small letters")
    func danishCapitals() {
        #expect(sorted(["Åen", "øen", "Æblet", "zoo", "ærmet", "Østen", "åen"], "da")
            == ["zoo", "Æblet", "ærmet", "øen", "Østen", "Åen", "åen"])
    }

    @Test("Danish compares later letters too: æ after z inside a word")
    func danishInsideWords() {
        #expect(sorted(["kæde", "kzar", "kaffe"], "da") == ["kaffe", "kzar", "kæde"])
    }

    @Test("Upper and lower case do not split the list", arguments: ["da", "en"])
    func caseInsensitive(language: String) {
        #expect(sorted(["banan", "Citron", "ananas", "Banan"], language) == ["ananas", "Banan", "banan", "Citron"])
    }

    @Test("English keeps å with a and é with e")
    func englishOrder() {
        #expect(sorted(["zebra", "avis", "åbning", "église", "egg"], "en") == ["åbning", "avis", "egg", "église", "zebra"])
    }

    @Test("Danish sorts accented letters other than æ, ø, å with their base letter")
    func danishOtherAccents() {
        #expect(sorted(["zebra", "église", "egg"], "da") == ["egg", "église", "zebra"])
    }

    @Test("Sorting keeps the items, not just their keys")
    func sortsItems() {
        struct Term { let title: String; let id: Int }
        let terms = [Term(title: "Ønske", id: 1), Term(title: "Akimat", id: 2)]
        #expect(Collation.sorted(terms, language: "da", by: \.title).map(\.id) == [2, 1])
    }
}

@Suite("Index letters")
struct CollationInitialTests {
    @Test("A word is filed under its first letter, capitalised, the way the language sorts it", arguments: [
        ("ærter", "da", "Æ"), ("Øl", "da", "Ø"), ("åbne kilder", "da", "Å"), ("église", "da", "E"),
        ("LPG", "da", "L"), ("åbning", "en", "A"), ("ärger", "da", "Æ"),
    ])
    func initials(word: String, language: String, letter: String) {
        #expect(Collation.initial(word, language: language) == letter)
    }
}
