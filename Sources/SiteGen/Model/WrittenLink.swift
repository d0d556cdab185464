import Markdown

/// A link, image or figure as the editor wrote it, before the site resolves it (`TextLink`).
struct WrittenLink: Sendable {
    var destination: String
    var position: SourcePosition
    var kind: TextLink.Kind

    /// The fenced blocks drawn as something other than code, and the figures, then the links
    /// and images of the text, each in reading order: what `TextLinks` lists for a body.
    static func survey(_ document: MarkdownDocument) -> (EmbedKinds, [WrittenLink]) {
        var kinds: EmbedKinds = []
        var figures: [WrittenLink] = []
        var inText: [WrittenLink] = []
        document.blocks.forEachBlock { block in
            switch block {
            case .codeBlock(let info, _, _):
                if TimelineEmbed.isTimeline(info: info) { kinds.insert(.timeline) }
                if MapEmbeds.isMap(info) { kinds.insert(.map) }
                if EmbedCard.isEmbed(info) { kinds.insert(.card) }
            case .figure(let figure):
                figures.append(WrittenLink(destination: figure.source, position: figure.position, kind: .figure(alt: figure.alt ?? "")))
            default:
                break
            }
            block.forEachInlineRun { run, _ in
                run.forEachInline { inline in
                    switch inline {
                    case .link(let destination, _, _, let position):
                        // Glossary links are made by sitegen and have no place in the text.
                        if position.line > 0 { inText.append(WrittenLink(destination: destination, position: position, kind: .link)) }
                    case .image(let source, _, _, let position):
                        inText.append(WrittenLink(destination: source, position: position, kind: .image))
                    default: break
                    }
                }
            }
        }
        return (kinds, figures + inText)
    }
}
