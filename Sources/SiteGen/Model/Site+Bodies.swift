import Markdown

/// Whose text a Markdown body is.
public enum BodyOwner: Sendable, Hashable {
    /// Indices into `Site.pages`, `Site.articles`, `Site.events` and `Site.terms`.
    case frontPage, sourcesPage, page(Int), article(Int), event(Int), term(Int)
}

/// A body with whose it is and the file it was read from.
public struct SiteBody: Sendable {
    public var owner: BodyOwner
    public var body: Body
    public var location: SourceLocation
}

extension Site {
    /// Every Markdown body of the site in one list, in one order: the front page, the sources
    /// page's text, the pages, the articles, events and terms. Every check, transform and renderer of bodies goes
    /// through it (the timeline and map checks, glossary links, rendering, the link check), so
    /// a kind of content with a text is added here and in `BodyNumbers`, which writes the order down once.
    public var bodies: [SiteBody] {
        bodies { _, _ in true }
    }

    /// How many bodies `bodies` holds.
    var bodyCount: Int { 2 + pages.count + articles.count + events.count + terms.count }

    /// The bodies `include` picks by their owner or their text, in the order of `bodies`. Only
    /// those are copied out: each copy of a body counts its tree and strings in and out, and a
    /// pass that wants the articles, or the few texts with a map, copied every body on one core.
    func bodies(where include: (BodyOwner, Body) -> Bool) -> [SiteBody] {
        owners(where: include).map { owner in withBody(of: owner) { SiteBody(owner: owner, body: $0, location: $1) } }
    }

    /// Whose bodies `include` picks, in the order of `bodies`, for a pass that reads each where
    /// it lies (`withBody`), in its own task: not even the picked ones are copied.
    func owners(where include: (BodyOwner, Body) -> Bool) -> [BodyOwner] {
        let numbers = bodyNumbers
        return (0..<bodyCount).compactMap { number in
            let owner = numbers.owner(of: number)
            return withBody(of: owner) { body, _ in include(owner, body) } ? owner : nil
        }
    }

    /// `owner`'s body and the file it was read from, lent to `read` where they lie.
    func withBody<Result>(of owner: BodyOwner, _ read: (Body, SourceLocation) throws -> Result) rethrows -> Result {
        switch owner {
        case .frontPage: try read(frontPage.body, frontPage.location)
        case .sourcesPage: try read(sourcesPage.body, sourcesPage.location)
        case .page(let index): try read(pages[index].body, pages[index].location)
        case .article(let index): try read(articles[index].body, articles[index].location)
        case .event(let index): try read(events[index].body, events[index].location)
        case .term(let index): try read(terms[index].body, terms[index].location)
        }
    }

    /// Moves every body out of the site, in the order of `bodies`, each left empty in its
    /// place: the taker is then the trees' one owner and can let each go as soon as it is done
    /// with it (a large site's trees are most of a build's memory). Moved, not copied: a copy
    /// counted each of a body's values in and out, fetching every one from memory, on one core.
    mutating func takeBodies() -> [Body] {
        let numbers = bodyNumbers
        var taken: [Body] = []
        taken.reserveCapacity(bodyCount)
        for number in 0..<bodyCount {
            updateBody(of: numbers.owner(of: number)) { body in
                var moved = Body.taken
                swap(&moved, &body)
                taken.append(consume moved)
            }
        }
        return taken
    }

    /// Moves `body` into the place of the body numbered `number` in `bodies`, where
    /// `takeBodies` left an empty one.
    mutating func putBack(_ body: inout Body, number: Int) {
        updateBody(of: bodyNumbers.owner(of: number)) { swap(&$0, &body) }
    }

    /// Changes `owner`'s body in place.
    mutating func updateBody(of owner: BodyOwner, _ change: (inout Body) -> Void) {
        switch owner {
        case .frontPage: change(&frontPage.body)
        case .sourcesPage: change(&sourcesPage.body)
        case .page(let index): change(&pages[index].body)
        case .article(let index): change(&articles[index].body)
        case .event(let index): change(&events[index].body)
        case .term(let index): change(&terms[index].body)
        }
    }

    var bodyNumbers: BodyNumbers {
        BodyNumbers(pages: pages.count, articles: articles.count, events: events.count)
    }

    /// The site path of the page that shows `owner`'s body.
    func path(of owner: BodyOwner) -> String {
        switch owner {
        case .frontPage: routes.home
        case .sourcesPage: routes.sources
        case .page(let index): routes.page(pages[index].slug)
        case .article(let index): routes.article(articles[index].slug)
        case .event(let index): routes.event(events[index].id)
        case .term(let index): routes.term(terms[index].slug)
        }
    }
}

extension Array where Element == Body {
    /// Works through the bodies in parallel chunks, moving them out of this array, for a
    /// pass that makes new trees or HTML from every body: each chunk's trees are let go by the
    /// task that worked on them as soon as it is done, so the old and the new are never all in
    /// memory at once, and the frees (a good share of a build) are spread over the cores.
    /// `work` gets a chunk's bodies and their places in the array, and returns one result per
    /// body; the results come in the bodies' order.
    consuming func consumingChunks<Result: Sendable>(_ work: @escaping @Sendable (_ chunk: [Body], _ places: Range<Int>) -> [Result]) async -> [Result] {
        let chunks = Self.chunks(count)
        // Each chunk's bodies moved out, from the back (`popLast` hands over an element of a
        // buffer that is this one's alone), so that its handoff is their one owner.
        var fromTheBack: [Handoff<[Body]>] = []
        for places in chunks.reversed() {
            let chunk = [Body](unsafeUninitializedCapacity: places.count) { buffer, initialized in
                for place in buffer.indices.reversed() { (buffer.baseAddress! + place).initialize(to: popLast()!) }
                initialized = places.count
            }
            fromTheBack.append(Handoff(chunk))
        }
        let handoffs = [Handoff<[Body]>](fromTheBack.reversed())
        return await Self.inOrder(chunks) { number, places in
            guard let chunk = handoffs[number].take() else { return [] }
            return work(chunk, places)
        }
    }
}

/// Where each body stands in `Site.bodies`, and whose the body at a place there is.
struct BodyNumbers: Sendable {
    let pages: Int
    let articles: Int
    let events: Int

    func number(of owner: BodyOwner) -> Int {
        switch owner {
        case .frontPage: 0
        case .sourcesPage: 1
        case .page(let index): 2 + index
        case .article(let index): 2 + pages + index
        case .event(let index): 2 + pages + articles + index
        case .term(let index): 2 + pages + articles + events + index
        }
    }

    func owner(of number: Int) -> BodyOwner {
        switch number - 1 {
        case -1: .frontPage
        case 0: .sourcesPage
        case ...pages: .page(number - 2)
        case ...(pages + articles): .article(number - 2 - pages)
        case ...(pages + articles + events): .event(number - 2 - pages - articles)
        default: .term(number - 2 - pages - articles - events)
        }
    }
}
