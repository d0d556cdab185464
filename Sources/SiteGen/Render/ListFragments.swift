/// Each article's and event's list entry, rendered once by its partial
/// (`partials/article-summary`, `partials/event-summary`) and reused by every page that lists
/// it: on a big site an article shows on the article list, the front page and each of its
/// tag pages, and rendering it once per page was most of the build.
struct ListFragments: Sendable {
    var articles: [Fragment]
    var events: [Fragment]
    /// Each event as a timeline entry, with its text (`partials/timeline-event`): the timeline
    /// and every filtered view of it (key moments, per place, per tag) share them. Made after
    /// the bodies, which embedded timelines need the short entries for.
    var timeline: [Fragment] = []
    /// Each article and event as a glossary entry's "Nævnt i" lists it (`partials/mention`):
    /// a much-used term is mentioned by thousands of pages on a big site.
    var articleMentions: [Fragment] = []
    var eventMentions: [Fragment] = []

    static func render(_ models: ViewModels, templates: CompiledTemplates, inputs: Int, memo: RenderMemo, into next: inout [Int: Fragment]) async -> ListFragments {
        let site = models.site
        let entries = Entries(models: models, templates: templates, inputs: inputs)
        var fragments = ListFragments(
            articles: await entries.render(site.articles.count, Templates.articleSummary, memo: memo, into: &next, models.articleSummary),
            events: await entries.render(site.events.count, Templates.eventSummary, memo: memo, into: &next) { models.event($0, withBody: false) })
        // Mentions stand inside an `<li>` of the term page's own layout.
        fragments.articleMentions = await entries.render(site.articles.count, Templates.mention, trimmed: true, memo: memo, into: &next) {
            models.mention(article: $0)
        }
        fragments.eventMentions = await entries.render(site.events.count, Templates.mention, trimmed: true, memo: memo, into: &next) {
            models.mention(event: $0)
        }
        return fragments
    }

    /// The timeline entries need the bodies, whose embedded timelines need the list entries.
    static func renderTimeline(_ models: ViewModels, templates: CompiledTemplates, inputs: Int, memo: RenderMemo, into next: inout [Int: Fragment]) async -> [Fragment] {
        // The timeline template puts each entry on a line of its own.
        await Entries(models: models, templates: templates, inputs: inputs)
            .render(models.site.events.count, Templates.timelineEvent, trimmed: true, memo: memo, into: &next) { models.event($0, withBody: true) }
    }

    /// The text without the line end it closes with, if any (`\n` or `\r\n`), cut from its
    /// bytes: cutting the last character found it by walking the whole text's characters.
    static func withoutLastLineEnd(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.last == UInt8(ascii: "\n") else { return bytes }
        let end = bytes.count - 1
        return Array(bytes[..<(end > 0 && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 : end)])
    }

    /// Renders the entries whose view model (`Template.key`) the memo has no fragment for.
    private struct Entries: Sendable {
        let models: ViewModels
        let templates: CompiledTemplates
        let inputs: Int

        func render<Item: ViewModel>(
            _ count: Int, _ template: Template<EntryContext<Item>>, trimmed: Bool = false, memo: RenderMemo, into next: inout [Int: Fragment],
            _ item: @escaping @Sendable (Int) -> Item
        ) async -> [Fragment] {
            let (shared, inputs, templates) = (models.entryStrings, inputs, templates)
            let context = { @Sendable (number: Int) in EntryContext(shared: shared, own: item(number)) }
            // Without a memo to look in or fill (a plain build) the keys would go unread, and each
            // entry's view is made where it is rendered and let go there: kept in a list for the
            // keys, the views were freed at the end, one by one, on one core.
            let keyed = memo.needsFragmentKeys ? await Array(0..<count).concurrentMap(context) : nil
            let keys = if let keyed { await keyed.concurrentMap { template.key(of: $0, inputs: inputs) } } else { [Int](repeating: 0, count: count) }
            return await memo.fragments(keys, into: &next) { chunk in
                chunk.map { number in
                    let html = templates.renderBytes(keyed?[number] ?? context(number), with: template)
                    return Fragment(bytes: trimmed ? ListFragments.withoutLastLineEnd(html) : html)
                }
            }
        }
    }
}
