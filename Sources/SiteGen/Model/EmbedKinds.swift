import Markdown

/// Which fenced blocks a body holds that draw on the rest of the site.
struct EmbedKinds: OptionSet, Sendable, Hashable {
    let rawValue: Int
    static let timeline = EmbedKinds(rawValue: 1)
    static let map = EmbedKinds(rawValue: 2)
}

extension EmbedKinds {
    /// The fenced blocks in a text that draw on other content.
    init(in document: MarkdownDocument) {
        self = []
        if !TimelineEmbed.blocks(in: document.blocks, firstLine: 1).isEmpty { insert(.timeline) }
        if MapEmbeds.contains(document.blocks) { insert(.map) }
    }
}
