import Testing
@testable import Extract

/// Each attribution pattern alone: who reported it, and through whom.
@Suite struct AttributionTests {
    let finder = AttributionFinder(siteSources: ["Zakon", "Ritzau"])

    static let patterns: [(String, [String])] = [
        ("Demonstranter skal have stormet borgmesterkontoret, skriver det kasakhiske medie Zakon ifølge nyhedsbureauet Reuters.", ["Zakon via Reuters"]),
        ("Det skriver Reuters.", ["Reuters"]),
        ("Ifølge AFP er ti mennesker dræbt.", ["AFP"]),
        ("Ti er anholdt, oplyser det tyrkiske katastrofeagentur AFAD.", ["AFAD"]),
        ("Bygningen brænder, melder Tass.", ["Tass"]),
        ("Reuters har meldinger om skud i byen.", ["Reuters"]),
        ("Både AFP og Tass melder, at dele af bygningen brænder.", ["AFP", "Tass"]),
        ("Politiet trak sig tilbage, fortæller nyhedsbureauet dpa.", ["dpa"]),
        ("Ti er dræbt, rapporterer den britiske tv-station BBC med henvisning til lokale kilder.", ["BBC"]),
        ("Protesters stormed the building, according to Reuters.", ["Reuters"]),
        ("Supporters gathered near the palace, the news website Actu Niger reported, citing witnesses.", ["Actu Niger"]),
        ("Calm had returned to the capital, Reuters reported, citing Zakon.", ["Zakon via Reuters"]),
        ("The army said 17 soldiers were killed, Agence France-Presse reported.", ["AFP"]),
        ("Videoer på Instagram viser ifølge Reuters, at bygningen står i flammer.", ["Instagram via Reuters"]),
        ("Skolerne lukkede, skriver avisen Corriere della Sera.", ["Corriere della Sera"]),
        ("- Vi giver ikke op, siger Tokajev.", []),
        ("Regeringen gik af onsdag.", []),
    ]

    @Test(arguments: patterns)
    func readsTheChain(_ sentence: String, _ expected: [String]) {
        #expect(finder.find(in: sentence).chains.map(\.description) == expected, "\(sentence)")
    }

    @Test func theDeliveringAgencyEndsEveryChainOnce() {
        #expect(SourceChain(name: "Zakon", via: ["Reuters"]).delivered(by: "Ritzau").description == "Zakon via Reuters via Ritzau")
        #expect(SourceChain(name: "Ritzau").delivered(by: "Ritzau").description == "Ritzau")
        #expect(SourceChain(name: "AFP").delivered(by: nil).description == "AFP")
    }

    @Test func theSitesSpellingWins() {
        let finder = AttributionFinder(siteSources: ["TASS"])
        #expect(finder.find(in: "Bygningen brænder, melder Tass.").chains.map(\.name) == ["TASS"])
    }

    @Test func namesNeitherKnownNorInSourcesYAMLAreReported() {
        let result = finder.find(in: "Skolerne lukkede, skriver avisen Hürriyet.")
        #expect(result.chains.map(\.name) == ["Hürriyet"])
        #expect(result.unknown == ["Hürriyet"])
    }
}

/// What a sentence says about itself: hedged, an attribution only, a happening, its title.
@Suite struct SentenceReadingTests {
    @Test(arguments: ["Demonstranter har angiveligt stormet bygningen.", "Demonstranter skal have stormet bygningen.",
                      "Ifølge meldinger er ti dræbt.", "Protesters reportedly stormed the building.",
                      "Soldiers allegedly fired on the crowd.", "Flere hospitaler skal være styrtet sammen."])
    func hedged(_ sentence: String) {
        #expect(SentenceReading.isHedged(sentence))
    }

    @Test(arguments: ["Regeringen gik af onsdag.", "Tokajev erklærede undtagelsestilstand.", "The government resigned."])
    func notHedged(_ sentence: String) {
        #expect(!SentenceReading.isHedged(sentence))
    }

    @Test func attributionOnlyAndElaboration() {
        #expect(SentenceReading.isAttributionOnly("Det skriver det kasakhiske medie Zakon ifølge nyhedsbureauet Reuters."))
        #expect(!SentenceReading.isAttributionOnly("Demonstranter stormede bygningen, skriver Reuters."))
        #expect(SentenceReading.isElaboration("Oplysningerne er ikke uafhængigt bekræftet."))
        #expect(SentenceReading.isElaboration("Reuters was not able to verify the footage."))
        #expect(SentenceReading.isElaboration("Det betyder udgangsforbud om natten."))
    }

    @Test func titlesAreTheSentenceWithoutItsAttribution() {
        #expect(SentenceReading.title("Demonstranter skal have stormet borgmesterkontoret i Almaty, skriver Zakon ifølge Reuters.")
                == "Demonstranter skal have stormet borgmesterkontoret i Almaty")
        #expect(SentenceReading.title("Tirsdag afviste Tokajev, at regeringen ville gå af.") == "Tirsdag afviste Tokajev, at regeringen ville gå af")
        #expect(SentenceReading.title("In the western Tillaberi region, militants killed 17 soldiers on Tuesday, the army said.")
                == "Militants killed 17 soldiers on Tuesday, the army said")
    }
}

/// What the reader of a text leaves out: captions, "Vis mere", headlines; what it sets apart: quotes and posts.
@Suite struct ArticleTextTests {
    @Test func leavesOutCaptionsAndChromeAndSetsApartQuotesAndPosts() {
        let text = """
            Uro i Almaty

            Demonstranter stormede onsdag borgmesterkontoret. Det skriver Reuters.

            Foto: Pavel Mikheyev/Reuters

            Vis mere

            - Vi giver ikke op, siger en demonstrant.

            Journalisten delte en video:

            Kazakhstan has announced it will restore some fuel prices. pic.twitter.com/xyz

            — Hanna Liubakova (@HannaLiubakova) January 4, 2022

            /ritzau/
            """
        let article = ArticleText(input: "t.txt", text: text)
        #expect(article.sentences.map(\.text) == ["Demonstranter stormede onsdag borgmesterkontoret.", "Det skriver Reuters.",
                                                  "- Vi giver ikke op, siger en demonstrant.", "Journalisten delte en video:"])
        #expect(article.sentences.map(\.isQuote) == [false, false, true, false])
        #expect(article.sentences[0].line == 3)
        #expect(article.posts.count == 1)
        #expect(article.posts.first?.author == "Hanna Liubakova")
        #expect(article.posts.first?.platform == "Twitter")
        #expect(article.posts.first?.dateText == "January 4, 2022")
        #expect(article.posts.first?.text == "Kazakhstan has announced it will restore some fuel prices.")
        #expect(article.posts.first?.introduction == "Journalisten delte en video:")
        #expect(article.datelineAgency == "Ritzau")
        #expect(article.language == .danish)
    }

    @Test func splitsSentencesButNotAbbreviationsOrDates() {
        let pieces = SentenceSplitter.split([(1, "Kl. 14 den 5. januar skete det bl.a. i Almaty. Det skriver Reuters. \"Vi går,\" sagde han.")])
        #expect(pieces.map(\.text) == ["Kl. 14 den 5. januar skete det bl.a. i Almaty.", "Det skriver Reuters.", "\"Vi går,\" sagde han."])
        #expect(pieces.map(\.column) == [1, 48, 69])
    }

    @Test func readsADateline() {
        let article = ArticleText(input: "t.txt", text: "NIAMEY, July 27, 2023 (Reuters) - Soldiers said they had removed the president.")
        #expect(article.datelineAgency == "Reuters")
        #expect(article.datelineDate?.text == "July 27, 2023")
        #expect(article.sentences.first?.text == "Soldiers said they had removed the president.")
    }
}
