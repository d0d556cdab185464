import Markdown

/// Which fenced blocks a body holds that are drawn as something other than code: most draw on
/// the rest of the site (timelines, maps), a card on its own fields.
struct EmbedKinds: OptionSet, Sendable, Hashable {
    let rawValue: Int
    static let timeline = EmbedKinds(rawValue: 1)
    static let map = EmbedKinds(rawValue: 2)
    /// ```embed: a post from elsewhere, drawn as a card from the block's own fields.
    static let card = EmbedKinds(rawValue: 4)
}

extension EmbedKinds {
    /// The fenced blocks in a text that are drawn as something other than code.
    init(in document: MarkdownDocument) {
        var kinds: EmbedKinds = []
        document.blocks.forEachBlock { block in
            guard case .codeBlock(let info, _, _) = block else { return }
            if TimelineEmbed.isTimeline(info: info) { kinds.insert(.timeline) }
            if MapEmbeds.isMap(info) { kinds.insert(.map) }
            if EmbedCard.isEmbed(info) { kinds.insert(.card) }
        }
        self = kinds
    }
}
