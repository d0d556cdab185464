/// The glossary as templates see it: the index by letter, and each entry with its related
/// terms and the pages that link to it.
extension ViewModels {
    /// `mentions` are the rendered "Nævnt i" entries (`ListFragments`); nil leaves them out.
    func term(_ index: Int, withBody: Bool, mentions fragments: ListFragments? = nil) -> TermView {
        let term = site.terms[index]
        let related = site.glossary.related.indices.contains(index) ? site.glossary.related[index] : []
        return TermView(
            slug: term.slug, title: term.title, href: href(routes.term(term.slug)), short: term.short,
            aliases: term.aliases.map(\.value),
            related: related.map { TitledLink(title: site.terms[$0].title, href: href(routes.term(site.terms[$0].slug))) },
            expansion: term.expansion,
            body: withBody ? bodies[.term(index)] : nil,
            mentions: fragments.map { mentions(of: index, fragments: $0) })
    }

    /// The articles and events that link to a term, newest first; an article before an event
    /// of the same moment, then the order the site lists them.
    func mentions(of index: Int, fragments: ListFragments) -> [RenderedEntry] {
        guard site.glossary.mentions.indices.contains(index) else { return [] }
        let mentions = site.glossary.mentions[index]
        let order = mentions.indices.sorted { lhs, rhs in
            let (a, b) = (moment(of: mentions[lhs]), moment(of: mentions[rhs]))
            return a != b ? a > b : lhs < rhs
        }
        return order.map { number in
            switch mentions[number] {
            case .article(let article): RenderedEntry(fragment: fragments.articleMentions[article])
            case .event(let event): RenderedEntry(fragment: fragments.eventMentions[event])
            }
        }
    }

    private func moment(of mention: GlossaryReferences.Mention) -> Int {
        switch mention {
        case .article(let number): site.articles[number].date.instant()
        case .event(let number): site.events[number].date.instant()
        }
    }

    /// An article or event as a glossary entry's "Nævnt i" lists it: title, link and day.
    func mention(article number: Int) -> MentionView {
        let article = site.articles[number]
        return MentionView(title: article.title, href: href(routes.article(article.slug)),
                           date: time(article.date, text: dates.day(dates.inSiteZone(article.date))))
    }

    func mention(event number: Int) -> MentionView {
        let event = site.events[number]
        let date = site.localDate(of: event)
        return MentionView(title: event.title, href: href(routes.event(event.id)), date: time(date, text: dates.day(date)))
    }

    /// The glossary index: a bar of the alphabet (`glossary.alphabet` in the strings file)
    /// whose letters in use link to their group, and the terms grouped by initial.
    func glossaryIndex() -> (letters: [LetterLink], groups: [LetterGroup]) {
        let language = site.config.language
        var groups: [(letter: String, terms: [TermView])] = []
        for index in site.terms.indices {
            let letter = Collation.initial(site.terms[index].title, language: language)
            if groups.last?.letter != letter { groups.append((letter, [])) }
            groups[groups.count - 1].terms.append(term(index, withBody: false))
        }
        let inUse = Set(groups.map(\.letter))
        let alphabet = (site.strings.text["glossary.alphabet"] ?? "").map { String($0).uppercased() }
        let bar = Collation.sorted(Array(inUse.union(alphabet)), language: language) { $0 }
        return (
            bar.map { LetterLink(letter: $0, href: "#" + letterAnchor($0), inUse: inUse.contains($0)) },
            groups.map { LetterGroup(letter: $0.letter, anchor: letterAnchor($0.letter), terms: $0.terms) }
        )
    }

    private func letterAnchor(_ letter: String) -> String {
        let slug = Slug.make(letter)
        return "letter-" + (slug.isEmpty ? String(letter.unicodeScalars.first?.value ?? 0) : slug)
    }
}
