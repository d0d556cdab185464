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
        var kinds: EmbedKinds = []
        document.blocks.forEachBlock { block in
            guard case .codeBlock(let info, _, _) = block else { return }
            if TimelineEmbed.isTimeline(info: info) { kinds.insert(.timeline) }
            if MapEmbeds.isMap(info) { kinds.insert(.map) }
        }
        self = kinds
    }
}
