/// What the glossary knows once every body is linked: who links to each term, and the
/// related terms each entry names.
public struct GlossaryReferences: Sendable {
    /// A page that links to a term.
    public enum Mention: Sendable, Hashable {
        /// Indices into `Site.articles` and `Site.events`.
        case article(Int), event(Int)
    }

    /// For each term, the articles (newest first) then the events (in timeline order) that link to it.
    public var mentions: [[Mention]] = []
    /// For each term, its `related` terms as indices into `Site.terms`, as written.
    public var related: [[Int]] = []
    /// `GlossaryMemo.key` of the terms the bodies were linked with.
    var termsKey = 0
}

/// Stage 2b: links glossary terms in every body, all bodies in parallel, and checks the
/// glossary: names two terms share, `related` terms that do not exist, terms no page uses.
/// A body's links depend on every term, so this runs on the whole site after the model.
enum GlossaryLinking {
    static func link(_ site: consuming Site) async -> (Site, [Diagnostic]) {
        let index = await Index(site.terms, routes: site.routes, reusing: GlossaryMemo())
        let (linked, diagnostics, _) = await link(site, index: index, reusing: GlossaryMemo(), recordsNext: false)
        return (linked, diagnostics)
    }

    /// The index of the terms' names, which needs only the terms (`Site.terms`) and the routes:
    /// a build makes it beside the model, which is one core's work. The memo's is reused when
    /// the terms are the same.
    struct Index: Sendable {
        let termsKey: Int
        let index: TermIndex
        let nameProblems: [Diagnostic]

        init(_ terms: [GlossaryTerm], routes: Routes, reusing memo: GlossaryMemo) async {
            let termsKey = GlossaryMemo.key(terms, routes: routes)
            if let reused = memo.index, reused.termsKey == termsKey {
                self = reused
            } else {
                self.termsKey = termsKey
                (index, nameProblems) = await TermIndex.build(terms, routes: routes)
            }
        }
    }

    /// Links only the bodies `memo` has not linked with these same terms before; `index` is of
    /// the site's terms. The memo it returns is empty unless it `recordsNext`: a plain build
    /// has no next one.
    static func link(_ site: consuming Site, index prepared: Index, reusing memo: GlossaryMemo, recordsNext: Bool) async -> (Site, [Diagnostic], GlossaryMemo) {
        let (termsKey, index, nameProblems) = (prepared.termsKey, prepared.index, prepared.nameProblems)
        assert(termsKey == GlossaryMemo.key(site.terms, routes: site.routes), "the index is of other terms")
        let (related, relatedProblems) = relatedTerms(site.terms)
        // Taken out of the site and linked in chunks, each chunk's unlinked trees let go when it
        // is done: the linked copies of every tree beside the originals were a large peak.
        let bodies = site.takeBodies()
        let numbers = site.bodyNumbers
        // A term's own entry never links to itself.
        let ownTerms = bodies.indices.map { number -> Int? in if case .term(let index) = numbers.owner(of: number) { index } else { nil } }
        // Each body's stamp read where it lies: `bodies[number]` copied the whole body.
        let keys = bodies.withUnsafeBufferPointer { bodies in bodies.indices.map { Fingerprint.of(termsKey, bodies[$0].stamp, ownTerms[$0] ?? -1) } }
        let reused = memo.index?.termsKey == termsKey ? memo.linked : [:]
        var linked = await bodies.consumingChunks { chunk, places in
            places.map { number in
                reused[keys[number]] ?? TermLinker.link(chunk[number - places.lowerBound], index: index, ownTerm: ownTerms[number])
            }
        }
        let newMemo = !recordsNext ? GlossaryMemo() : GlossaryMemo(index: prepared, linked: Dictionary(zip(keys, linked), uniquingKeysWith: { first, _ in first }))

        var mentions = [[GlossaryReferences.Mention]](repeating: [], count: site.terms.count)
        var used = Set<Int>()
        for number in linked.indices {
            switch numbers.owner(of: number) {
            case .article(let article): for term in linked[number].mentions { mentions[term].append(.article(article)) }
            case .event(let event): for term in linked[number].mentions { mentions[term].append(.event(event)) }
            case .frontPage, .sourcesPage, .page: break
            case .term: continue // an entry that links another does not make it used
            }
            used.formUnion(linked[number].mentions)
        }
        // Each linked body moved into its place, from the back: `popLast` hands over an element
        // of a buffer that is this one's alone, where a copy counted every value of it in and out.
        while var last = linked.popLast() {
            site.putBack(&last.body, number: linked.count)
        }
        site.glossary = GlossaryReferences(mentions: mentions, related: related, termsKey: termsKey)

        let unused = site.terms.indices.filter { !used.contains($0) }.map { number in
            let term = site.terms[number]
            return Diagnostic.warning(term.titleLocation,
                "no page links to the term `\(term.title)`; use it in the text of an article, an event or the front page, or add the form the text uses to `aliases` or `forms`")
        }
        return (site, nameProblems + relatedProblems + unused, newMemo)
    }

    /// `related` names terms by file name (`taaregas`) or by headword (`tåregas`).
    private static func relatedTerms(_ terms: [GlossaryTerm]) -> ([[Int]], [Diagnostic]) {
        var bySlug: [String: Int] = [:]
        var byTitle: [String: Int] = [:]
        for (number, term) in terms.enumerated() {
            bySlug[term.slug] = bySlug[term.slug] ?? number
            byTitle[term.title.lowercased()] = byTitle[term.title.lowercased()] ?? number
        }
        var diagnostics: [Diagnostic] = []
        let related = terms.map { term in
            term.related.compactMap { reference -> Int? in
                if let number = bySlug[reference.value] ?? byTitle[reference.value.lowercased()] { return number }
                let hint = Suggestion.didYouMean(reference.value, among: bySlug.keys.sorted())
                let fix = hint.isEmpty ? "; add content/glossary/\(Slug.make(reference.value)).md, or name an existing term by its file name" : hint
                diagnostics.append(.error(reference.location, "unknown term `\(reference.value)` in `related`\(fix)"))
                return nil
            }
        }
        return (related, diagnostics)
    }
}

/// The glossary links of the last build: every linked body by its file version, valid while
/// the terms (their names, forms and links) stay the same.
struct GlossaryMemo: Sendable {
    /// The index the bodies were linked with, which holds the terms' key.
    var index: GlossaryLinking.Index?
    var linked: [Int: LinkedBody] = [:]

    /// Everything of the terms a link in another body depends on: names and forms find the
    /// words, slugs and routes make the link, `short`/`expansion` the `<abbr>` title.
    static func key(_ terms: [GlossaryTerm], routes: Routes) -> Int {
        var fingerprint = Fingerprint()
        fingerprint.add(routes.basePath)
        fingerprint.add(routes.glossary)
        for term in terms {
            fingerprint.add(term.slug)
            fingerprint.add(term.title)
            fingerprint.add(term.aliases.map(\.value))
            fingerprint.add(term.forms.map(\.value))
            fingerprint.add(term.short)
            fingerprint.add(term.expansion)
            fingerprint.add(term.related.map(\.value))
            fingerprint.add(term.autolink)
        }
        return fingerprint.value
    }
}
