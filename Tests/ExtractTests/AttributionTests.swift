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
        ("The army said 17 soldiers were killed, Agence France-Presse reported.", ["Army via AFP"]),
        ("Mange betjente blev såret, oplyser indenrigsministeriet ifølge Tass.", ["Indenrigsministeriet via Tass"]),
        ("Ti er anholdt, siger politiet.", ["Politiet"]),
        ("Politiet oplyser, at ti er anholdt.", ["Politiet"]),
        ("Ifølge Almatys politi er ti anholdt.", ["Almatys politi"]),
        ("On Thursday morning the interior ministry said calm had returned, Reuters reported.", ["Interior ministry via Reuters"]),
        ("Men onsdag formiddag dansk tid meldte Tass, at præsidenten havde accepteret regeringens afgang.", ["Tass"]),
        ("Det fremgår af Reuters' oversigt.", ["Reuters"]),
        ("Ti er anholdt, siger borgmesteren.", []),
        ("Politiet forsøgte ifølge AFP at presse demonstranterne tilbage.", ["AFP"]),
        ("Det oplyser Chiles retsmedicinske institut, SML, i en opgørelse tirsdag aften.", ["SML"]),
        ("Det siger hun til den chilenske tv-station CNN Chile.", ["CNN Chile"]),
        ("Beboerne slukkede selv flammerne, fortæller lokale til Reuters.", ["Reuters"]),
        ("The minister told Reuters the fires were under control.", ["Reuters"]),
        ("Ifølge det chilenske skovvæsen Conaf var der 30 aktive brande.", ["Conaf"]),
        ("Videoer på Instagram viser ifølge Reuters, at bygningen står i flammer.", ["Instagram via Reuters"]),
        ("Skolerne lukkede, skriver avisen Corriere della Sera.", ["Corriere della Sera"]),
        ("- Vi giver ikke op, siger Tokajev.", []),
        ("Regeringen gik af onsdag.", []),
    ]

    @Test(arguments: patterns)
    func readsTheChain(_ sentence: String, _ expected: [String]) {
        #expect(finder.find(in: sentence).chains.map(\.description) == expected, "\(sentence)")
    }

    @Test func whatASourceReportedIsTheClauseAfterAt() {
        #expect(finder.find(in: "Men onsdag formiddag dansk tid meldte Tass, at præsidenten havde accepteret regeringens afgang.").report
                == "præsidenten havde accepteret regeringens afgang.")
        #expect(finder.find(in: "Tass meldte onsdag, at regeringen var gået af.").report == "regeringen var gået af.")
        #expect(finder.find(in: "Både AFP og Tass melder, at dele af bygningen brænder.").report == "dele af bygningen brænder.")
        #expect(finder.find(in: "Reuters reported that protesters had stormed the building.").report == "protesters had stormed the building.")
        // "organisationen" is the speaker again.
        #expect(finder.find(in: "Onsdag meddelte FN, at organisationen sender nødhjælp til Syrien.").report == "FN sender nødhjælp til Syrien.")
        // A person's words are the event; so is a sentence that says more than the report.
        #expect(finder.find(in: "Tirsdag sagde Tokajev, at regeringen ville gå af.").report == nil)
        #expect(finder.find(in: "Politiet skød mod demonstranterne, og Tass meldte, at mange var såret.").report == nil)
        #expect(finder.find(in: "Ifølge Tass er regeringen gået af.").report == nil)
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

    static let titles: [(String, String)] = [
        ("Men onsdag meldte Tass om skud i byen.", "Onsdag meldte Tass om skud i byen"),
        ("Og dermed var regeringen gået af.", "Dermed var regeringen gået af"),
        ("Samtidig er større forsamlinger forbudt.", "Større forsamlinger er forbudt"),
        ("Derudover meddelte regeringen, at prisloftet genindføres.", "Regeringen meddelte, at prisloftet genindføres"),
        ("Desuden blev mange betjente såret i Almaty.", "Mange betjente blev såret i Almaty"),
        ("Samtidig har Kasakhstans præsident Kassym-Jomart Tokajev afskediget regeringen.", "Kasakhstans præsident Kassym-Jomart Tokajev har afskediget regeringen"),
        ("Ifølge det kasakhiske medie Zakon skal demonstranter onsdag have stormet borgmesterkontoret.", "Demonstranter skal onsdag have stormet borgmesterkontoret"),
        ("Ifølge det italienske civilforsvar er mere end 13.000 mennesker evakueret.", "Mere end 13.000 mennesker er evakueret"),
        ("Ifølge politiet blev tusindvis af demonstranter anholdt i nat.", "Tusindvis af demonstranter blev anholdt i nat"),
        // A hedge stays; an opening whose subject is not plain enough stays as it is.
        ("Ifølge meldinger brændte dele af bygningen natten til onsdag.", "Ifølge meldinger brændte dele af bygningen natten til onsdag"),
        ("Samtidig med at politiet rykkede ind, flygtede demonstranterne.", "Samtidig med at politiet rykkede ind, flygtede demonstranterne"),
        ("But protesters returned to the square on Thursday.", "Protesters returned to the square on Thursday"),
        ("However, the army denied the reports on Thursday.", "The army denied the reports on Thursday"),
    ]

    @Test(arguments: titles)
    func titlesLeaveOutWhatTiesThemToTheSentenceBefore(_ sentence: String, _ title: String) {
        #expect(SentenceReading.title(sentence) == title)
    }

    @Test func aReportedClauseIsTitledAsAMainClause() {
        #expect(SentenceReading.title(reported: "præsidenten ikke havde accepteret regeringens afgang.") == "Præsidenten havde ikke accepteret regeringens afgang")
        #expect(SentenceReading.title(reported: "præsidenten havde accepteret regeringens afgang.") == "Præsidenten havde accepteret regeringens afgang")
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

    static let posts: [(String, String, String, String, String)] = [
        // The card, as copied from the page: on one line, or in its parts.
        ("Hanna Liubakova @HannaLiubakova · 4. jan. 2022\nKazakhstan: people want the government to resign.\nVis mere",
         "Hanna Liubakova", "Twitter", "4. jan. 2022", "Kazakhstan: people want the government to resign."),
        ("Hanna Liubakova\n@HannaLiubakova\n·\nJan 4, 2022\n\nKazakhstan: people want the government to resign.\n\nShow more",
         "Hanna Liubakova", "Twitter", "Jan 4, 2022", "Kazakhstan: people want the government to resign."),
        ("Camila Zárate @camilazarate · 4. feb. 2024\nAsí quedó el Jardín Botánico.", "Camila Zárate", "X", "4. feb. 2024", "Así quedó el Jardín Botánico."),
        ("Hanna Liubakova\n@HannaLiubakova\nPeople want the government to resign.\n10:41 PM · Jan 4, 2022",
         "Hanna Liubakova", "Twitter", "Jan 4, 2022", "People want the government to resign."),
        // Twitter's fallback on one line, Bluesky's with its handle.
        ("Fuel prices will go down. pic.twitter.com/xyz — Hanna Liubakova (@HannaLiubakova) January 4, 2022",
         "Hanna Liubakova", "Twitter", "January 4, 2022", "Fuel prices will go down."),
        ("Fuel prices will go down.\n— Hanna Liubakova (@hanna.bsky.social) January 4, 2025 at 10:00 AM",
         "Hanna Liubakova", "Bluesky", "January 4, 2025 at 10:00 AM", "Fuel prices will go down."),
        // Instagram's and Facebook's fallbacks.
        ("Se dette opslag på Instagram\n\nEt opslag delt af Giorgia Meloni (@giorgiameloni)", "Giorgia Meloni", "Instagram", "", ""),
        ("View this post on Instagram\n\nA post shared by Giorgia Meloni (@giorgiameloni) on Jan 4, 2022", "Giorgia Meloni", "Instagram", "Jan 4, 2022", ""),
        ("Vi er i kontakt med kommunerne.\nPosted by Giorgia Meloni on Tuesday, January 4, 2022", "Giorgia Meloni", "Facebook",
         "Tuesday, January 4, 2022", "Vi er i kontakt med kommunerne."),
        ("Indlejret indhold fra Telegram\nHanna Liubakova @HannaLiubakova · 4. jan. 2022\nPeople want change.", "Hanna Liubakova", "Telegram", "4. jan. 2022", "People want change."),
    ]

    @Test(arguments: posts)
    func readsTheCommonFormsOfEmbeddedPosts(_ text: String, _ author: String, _ platform: String, _ date: String, _ body: String) {
        let article = ArticleText(input: "t.txt", text: "Demonstranter stormede onsdag bygningen.\n\n" + text + "\n\nPolitiet trak sig tilbage.")
        #expect(article.posts.count == 1, "\(text)")
        #expect(article.posts.first?.author == author)
        #expect(article.posts.first?.platform == platform)
        #expect((article.posts.first?.dateText ?? "") == date)
        #expect(article.posts.first?.text == body)
        // The article's own sentences stay its own, and nothing of the post is one.
        #expect(article.sentences.map(\.text) == ["Demonstranter stormede onsdag bygningen.", "Politiet trak sig tilbage."], "\(text)")
    }

    @Test func aNameWithAHandleIsNoPostWithoutADate() {
        let article = ArticleText(input: "t.txt", text: "Demonstranter stormede onsdag bygningen.\n\nFølg Hanna Liubakova @HannaLiubakova\n\nPolitiet trak sig tilbage.")
        #expect(article.posts.isEmpty)
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
