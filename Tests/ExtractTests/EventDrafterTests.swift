import Testing
@testable import Extract

/// Whole short texts in the shapes agency copy takes: attribution in a paragraph of its own,
/// reported speech, bodies as sources, posts copied as cards, places carried across paragraphs.
@Suite struct EventDrafterTests {
    func extract(_ text: String, published: String = "2022-01-05T11:42:00+01:00", source: String? = "Ritzau") throws -> Extraction {
        try Extractor.extract([Extractor.Input(name: "t.txt", text: text)], options: Extractor.Options(published: published, source: source),
                              site: SiteContext(), gazetteer: PlaceFinderTests.gazetteer)
    }

    func event(_ extraction: Extraction, containing phrase: String) -> Extraction.Event? {
        extraction.events.first { $0.body.contains(phrase) }
    }

    @Test func anAttributionParagraphNamesTheSourceOfTheParagraphBefore() throws {
        let extraction = try extract("""
            Uro i Kasakhstan

            Præsident Tokajev har onsdag erklæret undtagelsestilstand i Almaty.

            Det skriver nyhedsbureauet Reuters.

            Demonstranter stormede tirsdag borgmesterkontoret i Almaty.

            Det oplyser politiet.

            Ifølge Zakon skal demonstranter onsdag have sat ild til akimatet.

            Det melder AFP onsdag morgen dansk tid.

            - Vi giver ikke op, siger en demonstrant.

            Det skriver Tass.

            Soldiers fired on protesters in Almaty on Tuesday.

            Reuters reported.
            """)
        #expect(event(extraction, containing: "erklæret undtagelsestilstand")?.sources.map(\.description) == ["Reuters via Ritzau"])
        #expect(event(extraction, containing: "stormede tirsdag")?.sources.map(\.description) == ["Politiet via Ritzau"])
        // A source named in the event's own sentence was reached through the one named after it.
        #expect(event(extraction, containing: "sat ild til akimatet")?.sources.map(\.description) == ["Zakon via AFP via Ritzau"])
        #expect(event(extraction, containing: "Soldiers fired")?.sources.map(\.description) == ["Reuters via Ritzau"])
        // None of the attribution lines is an event, not even one that names a day; a quote takes no source.
        #expect(extraction.events.count == 4, "\(extraction.events.map(\.title))")
        #expect(!extraction.events.contains { $0.title.hasPrefix("Det ") || $0.title.hasPrefix("Reuters") })
        #expect(!extraction.sources.contains("Tass"))
    }

    @Test(arguments: ["Det skriver nyhedsbureauet Reuters.", "Det oplyser politiet.", "Det melder AFP.", "Dette siger AFP.",
                      "Det rapporterer BBC.", "Det fremgår af en rapport fra FN.", "Det bekræfter indenrigsministeriet.",
                      "Reuters reported.", "The news agency Tass reported.", "According to Reuters.", "That is according to AFP.",
                      "Police said."])
    func attributionLines(_ sentence: String) {
        #expect(SentenceReading.isAttributionOnly(sentence))
    }

    @Test(arguments: ["Demonstranter stormede bygningen, skriver Reuters.", "Ifølge AFP er ti mennesker dræbt.",
                      "According to Reuters, ten people were killed.", "Reuters reported that ten people were killed."])
    func notAttributionLines(_ sentence: String) {
        #expect(!SentenceReading.isAttributionOnly(sentence))
    }

    @Test func reportedSpeechMakesTheReporterTheSourceAndTheClauseTheEvent() throws {
        let extraction = try extract("Men onsdag formiddag dansk tid meldte Tass, at præsidenten havde accepteret regeringens afgang.")
        let event = try #require(extraction.events.first)
        #expect(event.title == "Præsidenten havde accepteret regeringens afgang")
        #expect(event.sources.map(\.description) == ["Tass via Ritzau"])
        // A part of the day is no clock time.
        #expect(event.date == "2022-01-05")
    }

    @Test func aBodyThatSpeaksIsASourceAndItsChainEndsWithTheAgency() throws {
        let extraction = try extract("Mange betjente blev såret onsdag i Almaty, oplyser indenrigsministeriet ifølge Tass.")
        #expect(extraction.events.first?.sources.map(\.description) == ["Indenrigsministeriet via Tass via Ritzau"])
    }

    @Test func aPlaceIsCarriedAcrossAPostAndItsIntroduction() throws {
        let extraction = try extract("""
            Tusindvis af mennesker demonstrerede onsdag i Almaty, Kasakhstans største by. Det oplyser nyhedsbureauet AFP.

            Tirsdagens demonstration i byen blev filmet og delt på Twitter af den hviderussiske journalist Hanna Liubakova.

            Kazakhstan announced it would restore some fuel prices. pic.twitter.com/abc123
            — Hanna Liubakova (@HannaLiubakova) January 4, 2022

            Ifølge meldinger brændte dele af bygningen natten til onsdag. Det melder AFP og Tass.
            """)
        let fire = try #require(event(extraction, containing: "brændte dele af bygningen"))
        #expect(fire.places == ["almaty"])
        #expect(fire.status == "unverified")
        // The sentence that introduces the post is the post's, not an event of its own.
        #expect(extraction.events.count == 3, "\(extraction.events.map(\.title))")
        #expect(event(extraction, containing: "Kazakhstan announced")?.body.hasPrefix("Tirsdagens demonstration") == true)
    }

    @Test func aCardCopiedFromThePageIsOnePostWithItsOwnDateAndAuthor() throws {
        let extraction = try extract("""
            Demonstranter stormede onsdag borgmesterkontoret i Almaty.

            Hanna Liubakova @HannaLiubakova · 4. jan. 2022
            Kazakhstan: people want the government to resign. Video from Almaty.
            Vis mere
            """)
        #expect(extraction.events.count == 2, "\(extraction.events.map(\.title))")
        let post = try #require(event(extraction, containing: "people want"))
        #expect(post.date == "2022-01-04")
        #expect(post.title == "Hanna Liubakova på Twitter: Kazakhstan: people want the government to resign")
        #expect(post.sources == [SourceChain(name: "Hanna Liubakova", via: ["Twitter", "Ritzau"])])
        #expect(post.status == "unverified")
        #expect(post.places == ["almaty"])
        #expect(!extraction.events.contains { $0.body.contains("Vis mere") || $0.title.contains("@") })
    }

    @Test func aLineWhereAPostWasIsNoEventButAWarning() throws {
        let extraction = try extract("""
            Demonstranter stormede onsdag borgmesterkontoret i Almaty.

            Indlejret indhold fra Twitter
            """)
        #expect(extraction.events.count == 1)
        #expect(extraction.warnings.contains { $0.line == 3 && $0.message.hasPrefix("embedded content from Twitter") })
    }

    @Test func anAttributionLineThatNamesADayDatesTheEventsThatNameNone() throws {
        let extraction = try extract("""
            Mindst 131 mennesker er omkommet i de skovbrande, som siden fredag har raset i Chile.

            Det oplyser Chiles retsmedicinske institut, SML, i en opgørelse tirsdag aften lokal tid.
            """, published: "2024-02-07T09:40:00+01:00")
        let toll = try #require(extraction.events.first)
        #expect(extraction.events.count == 1)
        #expect(toll.date == "2024-02-06")
        #expect(toll.sources.map(\.description) == ["SML via Ritzau"])
        #expect(extraction.warnings.contains { $0.line == 1 && $0.message.contains("the day the attribution after it names") })
        #expect(!extraction.warnings.contains { $0.line == 1 && $0.message.contains("the publication day") })
    }

    @Test func statementsAndDescriptionsWithoutADayAreNoEvents() throws {
        let extraction = try extract("""
            Søndag indførte myndighederne udgangsforbud i Viña del Mar.

            Borgmesteren i Viña del Mar har kaldt brandene den største tragedie i byens historie.

            Mange af ofrene var ældre, som ikke nåede at flygte.

            Skovbrande er almindelige om sommeren, men eksperter peger på, at tørke har gjort årets brande voldsomme.

            Regeringen har lovet, at staten vil betale for nye boliger.

            Tirsdag opfordrede præsidenten beboerne til at blive hjemme.
            """, published: "2024-02-07T09:40:00+01:00")
        #expect(extraction.events.map(\.date) == ["2024-02-04", "2024-02-06"], "\(extraction.events.map(\.title))")
    }

    @Test func aPronounInTheNextParagraphGoesOnAboutTheEventBefore() throws {
        let extraction = try extract("""
            Natten til tirsdag skal en ny brand være brudt ud i udkanten af Quilpué.

            Den blev ifølge det lokale brandvæsen hurtigt bragt under kontrol.
            """, published: "2024-02-07T09:40:00+01:00")
        #expect(extraction.events.count == 1)
        #expect(extraction.events.first?.body.hasSuffix("hurtigt bragt under kontrol.") == true)
    }

    @Test func placesWithoutAPlaceOfTheirOwn() throws {
        let extraction = try extract("""
            Mindst 131 mennesker er omkommet i skovbrande i det centrale Chile, oplyser myndighederne tirsdag.

            Brandene begyndte fredag flere steder på samme tid.

            Flammerne nåede fredag aften Viña del Mar, og lørdag blev der indført udgangsforbud i Viña del Mar.

            Argentina og Mexico tilbød lørdag at sende fly.

            Søndag var der fortsat 30 aktive brande i landet.
            """, published: "2024-02-07T09:40:00+01:00")
        // A country carried from the event before gives way to the city the text names most.
        #expect(event(extraction, containing: "Brandene begyndte")?.places == ["vina-del-mar"])
        // A place abroad is not carried; "i landet" is the country.
        #expect(event(extraction, containing: "aktive brande")?.places == ["chile"])
    }
}
