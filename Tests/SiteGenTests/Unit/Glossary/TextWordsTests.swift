import Testing
@testable import SiteGen

@Suite("Words of text, as the glossary reads them")
struct TextWordsTests {
    private func words(_ text: String) -> [String] {
        TextWords.words(of: text).map(String.init)
    }

    @Test("Letters and digits make words; a hyphen or apostrophe inside a word belongs to it")
    func words() {
        #expect(words("LPG-prisen steg, LPG's pris - og »tåregas«!") == ["LPG-prisen", "steg", "LPG's", "pris", "og", "tåregas"])
        #expect(words("Ærø 2022 -x y- ’z’") == ["Ærø", "2022", "x", "y", "z"])
        #expect(words("Алматы и Астана, e\u{301}glise") == ["Алматы", "и", "Астана", "e\u{301}glise"])
    }

    @Test("A word's fingerprint ignores case, also for æ, ø, å and other scripts")
    func fingerprints() {
        let text = "ÆØÅ æøå Undtagelsestilstand undtagelsestilstand АЛМАТЫ алматы"
        let prints = TextWords.words(in: text).map(\.fingerprint)
        #expect(prints[0] == prints[1])
        #expect(prints[2] == prints[3])
        #expect(prints[4] == prints[5])
        #expect(prints[0] == FoldedWord("æøå").fingerprint)
        #expect(prints[1] != prints[2])
    }

    @Test("Folded words compare regardless of case")
    func foldedWords() {
        #expect(FoldedWord("Tåregas") == FoldedWord("TÅREGAS"))
        #expect(FoldedWord("Алматы") == FoldedWord("АЛМАТЫ"))
        #expect(FoldedWord("tåregas") != FoldedWord("taregas"))
        #expect(FoldedWord("gas") != FoldedWord("gass"))
    }

    @Test("Only spaces, tabs and no-break spaces join the words of a phrase")
    func phraseSpacing() {
        for (text, joined) in [("flydende gas", true), ("flydende\u{A0}gas", true), ("flydende, gas", false), ("flydende£gas", false)] {
            let found = TextWords.words(in: text)
            #expect(found.count == 2)
            #expect(TextWords.onlySpaces(between: found[0], and: found[1], in: text) == joined, "\(text)")
        }
    }

    @Test("The fingerprint table finds every key and nothing else")
    func table() {
        let entries = Dictionary(uniqueKeysWithValues: (0..<100).map { (UInt64($0) &* 0x9E37_79B9_7F4A_7C15, $0) })
        let table = FingerprintTable(entries)
        #expect(entries.allSatisfy { table[$0.key] == $0.value })
        #expect(table[12345] == nil)
        #expect(FingerprintTable<Int>([:])[0] == nil)
    }
}
