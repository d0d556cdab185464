import SiteGenTestSupport
import Testing
@testable import SiteGen

@Suite("Slugs")
struct SlugMakeTests {
    @Test("Danish letters are spelt out, in lower and upper case", arguments: [
        ("æble", "aeble"),
        ("Ærø", "aeroe"),
        ("ø", "oe"),
        ("Ø", "oe"),
        ("Åbenrå", "aabenraa"),
        ("ÆØÅ æøå", "aeoeaa-aeoeaa"),
        ("Regeringen går af", "regeringen-gaar-af"),
    ])
    func danishLetters(title: String, slug: String) {
        #expect(Slug.make(title) == slug)
    }

    @Test("Other accented letters lose their accents", arguments: [
        ("Café", "cafe"),
        ("crème brûlée", "creme-brulee"),
        ("Ñandú", "nandu"),
        ("Öl über", "ol-uber"),
    ])
    func accents(title: String, slug: String) {
        #expect(Slug.make(title) == slug)
    }

    @Test("Russian, Kazakh, Ukrainian and Greek letters are spelt in a-z", arguments: [
        ("Алматы", "almaty"),
        ("Жаңаөзен", "zhanaozen"),
        ("Ақтау", "aktau"),
        ("Маңғыстау облысы", "mangystau-oblysy"),
        ("Нұр-Сұлтан", "nur-sultan"),
        ("Тоқаев", "tokaev"),
        ("страница", "stranitsa"),
        ("Щучинск", "shchuchinsk"),
        ("Объявление", "obyavlenie"),
        ("Ёлка и Юрта", "elka-i-yurta"),
        ("Ґрунт і їжа", "grunt-i-yizha"),
        ("Ἀθῆναι", "athinai"),
        ("Θεσσαλονίκη", "thessaloniki"),
        ("Łódź", "lodz"),
    ])
    func otherScripts(title: String, slug: String) {
        #expect(Slug.make(title) == slug)
    }

    @Test("The table in the README is the one Slug uses")
    func readmeTable() throws {
        let readme = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("README.md"), encoding: .utf8)
        var documented: [Character: String] = [:]
        for match in readme.matches(of: /(\S)→([a-z]+|\(dropped\))/) {
            documented[Character(String(match.output.1))] = match.output.2 == "(dropped)" ? "" : String(match.output.2)
        }
        #expect(documented == Slug.spelledOut)
    }

    @Test("Runs of spaces and punctuation become a single dash", arguments: [
        ("Hello,   World!!", "hello-world"),
        ("a -- b", "a-b"),
        ("one/two\\three", "one-two-three"),
        ("LPG: prisen (igen)?", "lpg-prisen-igen"),
        ("tab\tand\nnewline", "tab-and-newline"),
    ])
    func separators(title: String, slug: String) {
        #expect(Slug.make(title) == slug)
    }

    @Test("No dash at the start or the end", arguments: [
        ("  --Leading and trailing--  ", "leading-and-trailing"),
        ("«Citat»", "citat"),
        ("!!!", ""),
    ])
    func noEdgeDashes(title: String, slug: String) {
        #expect(Slug.make(title) == slug)
    }

    @Test("Digits are kept")
    func digits() {
        #expect(Slug.make("2022-01-05 Protester i Zhanaozen") == "2022-01-05-protester-i-zhanaozen")
        #expect(Slug.make("Top 10") == "top-10")
    }

    @Test("A slug is already a slug")
    func idempotent() {
        let once = Slug.make("Æblegrød på Østerbro, 2. udgave!")
        #expect(once == "aeblegroed-paa-oesterbro-2-udgave")
        #expect(Slug.make(once) == once)
    }
}
