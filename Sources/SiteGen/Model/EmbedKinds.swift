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
