/// A position in the Markdown text given to the parser: 1-based line and column, counted in
/// characters as an editor counts them (cmark's byte columns are converted).
public struct SourcePosition: Sendable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A parsed Markdown document as plain Swift values; no cmark object survives parsing.
public struct MarkdownDocument: Sendable {
    public var blocks: [BlockNode]
    /// Where the text nested deeper than `MarkdownParser.maximumDepth`, so that the rest was
    /// kept as plain text; nil for every text an editor really writes.
    public var flattenedAt: SourcePosition?

    public init(blocks: [BlockNode], flattenedAt: SourcePosition? = nil) {
        self.blocks = blocks
        self.flattenedAt = flattenedAt
    }
}

public enum ListKind: Sendable, Hashable {
    case bullet
    case ordered(start: Int)
}

/// Only the cases with large payloads are `indirect`: the rest (a paragraph's array, a text's
/// string) are stored in the node itself, so a tree of thousands of text nodes is not as many
/// heap boxes to allocate, retain and free.
public enum BlockNode: Sendable {
    case paragraph([InlineNode])
    /// `id` is empty until the site assigns anchors; the parser never invents one.
    indirect case heading(level: Int, content: [InlineNode], id: String, position: SourcePosition)
    case blockQuote([BlockNode])
    indirect case list(kind: ListKind, tight: Bool, items: [[BlockNode]])
    indirect case codeBlock(info: String, code: String, position: SourcePosition)
    /// Raw HTML written by the editor: dropped unless raw HTML is allowed.
    case html(String)
    case thematicBreak
    /// HTML made by sitegen itself (an embedded timeline, a map): always written as is.
    case trustedHTML(String)
}

public enum InlineNode: Sendable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    /// Raw inline HTML written by the editor: dropped unless raw HTML is allowed.
    case html(String)
    case emphasis([InlineNode])
    case strong([InlineNode])
    indirect case link(destination: String, title: String, content: [InlineNode], position: SourcePosition)
    indirect case image(source: String, title: String, alt: [InlineNode], position: SourcePosition)
    /// HTML made by sitegen itself (a glossary link): always written as is.
    case trustedHTML(String)
}

extension InlineNode {
    /// The text a reader sees, without markup: for alt text, heading slugs and summaries.
    public var plainText: String {
        switch self {
        case .text(let text), .code(let text): text
        case .softBreak, .lineBreak: " "
        case .html, .trustedHTML: ""
        case .emphasis(let children), .strong(let children), .link(_, _, let children, _), .image(_, _, let children, _):
            children.plainText
        }
    }
}

extension Array where Element == InlineNode {
    public var plainText: String { map(\.plainText).joined() }
}
