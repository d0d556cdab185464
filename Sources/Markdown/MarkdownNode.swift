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
    /// What the parser found wrong in the text (footnotes without a note, notes nobody refers
    /// to), for the site to report at their lines.
    public var problems: [MarkdownProblem]

    public init(blocks: [BlockNode], flattenedAt: SourcePosition? = nil, problems: [MarkdownProblem] = []) {
        self.blocks = blocks
        self.flattenedAt = flattenedAt
        self.problems = problems
    }
}

/// Something in the text the parser kept as written but that is probably a mistake.
public struct MarkdownProblem: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `[^label]` in the text, but no `[^label]: ...` note.
        case unknownFootnote(label: String)
        /// A `[^label]: ...` note the text never refers to; it is not shown.
        case unusedFootnote(label: String)
        /// A second `[^label]: ...` note with a label used before; it is not shown.
        case duplicateFootnote(label: String)
        /// Raw HTML (a block, or an inline tag), which a site in safe mode leaves out; a
        /// problem only there, or where it would load from another site.
        case rawHTML(String)
    }

    public var kind: Kind
    public var position: SourcePosition

    public init(_ kind: Kind, at position: SourcePosition) {
        self.kind = kind
        self.position = position
    }
}

public enum ListKind: Sendable, Hashable {
    case bullet
    case ordered(start: Int)
}

/// Only the cases with large payloads are `indirect`: the rest (a paragraph's array, a text's
/// string) are stored in the node itself, so a tree of thousands of text nodes is not as many
/// heap boxes to allocate, retain and free. Every node of an array takes the room of the
/// largest direct case, so no direct case holds more than a string (`InlineNode` and
/// `BlockNode` take 24 bytes; one larger case made every node of every text take 56).
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
    /// A GFM pipe table.
    indirect case table(Table)
    /// A photo with its caption and credit: an image alone in a paragraph, or one the site
    /// builds from a ```figure block.
    indirect case figure(Figure)
    /// The notes of the text, numbered in the order the text first refers to them; the parser
    /// puts them last.
    case footnotes([Footnote])
}

public enum TableAlignment: Sendable, Hashable {
    case none, left, center, right
}

public struct Table: Sendable {
    /// One per column.
    public var alignments: [TableAlignment]
    /// One cell per column.
    public var header: [[InlineNode]]
    /// Every row has one cell per column (missing cells are empty, extra ones dropped, as GFM says).
    public var rows: [[[InlineNode]]]
    /// A `: caption` line right below the table; empty when there is none.
    public var caption: [InlineNode]
    public var position: SourcePosition

    public init(alignments: [TableAlignment], header: [[InlineNode]], rows: [[[InlineNode]]], caption: [InlineNode] = [],
                position: SourcePosition) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
        self.caption = caption
        self.position = position
    }
}

public struct Figure: Sendable {
    /// The image as the editor wrote it (a path beside the page, a site path or a URL).
    public var source: String
    /// nil when the editor gave none (the site reports that); empty for a decorative image.
    public var alt: String?
    public var caption: [InlineNode]
    /// "Foto: Pavel Mikheyev/Reuters"; empty when the caption holds no credit.
    public var credit: String
    /// The largest width to show the image at, in CSS pixels; nil for the column's width.
    public var width: Int?
    public var position: SourcePosition

    public init(source: String, alt: String?, caption: [InlineNode] = [], credit: String = "", width: Int? = nil, position: SourcePosition) {
        self.source = source
        self.alt = alt
        self.caption = caption
        self.credit = credit
        self.width = width
        self.position = position
    }
}

public struct Footnote: Sendable {
    public var label: String
    /// 1 for the note the text refers to first.
    public var number: Int
    /// How often the text refers to it: each reference gets a link back.
    public var references: Int
    public var blocks: [BlockNode]
    /// Where its `[^label]:` stands.
    public var position: SourcePosition

    public init(label: String, number: Int, references: Int, blocks: [BlockNode], position: SourcePosition) {
        self.label = label
        self.number = number
        self.references = references
        self.blocks = blocks
        self.position = position
    }
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
    /// `~~struck~~` (GFM).
    case strikethrough([InlineNode])
    /// `[^label]`: the `occurrence`th reference (from 1) to note `number`.
    indirect case footnoteReference(label: String, number: Int, occurrence: Int, position: SourcePosition)
}

extension InlineNode {
    /// The text a reader sees, without markup: for alt text, heading slugs and summaries.
    public var plainText: String {
        switch self {
        case .text(let text), .code(let text): text
        case .softBreak, .lineBreak: " "
        case .html, .trustedHTML, .footnoteReference: ""
        case .emphasis(let children), .strong(let children), .strikethrough(let children), .link(_, _, let children, _),
             .image(_, _, let children, _):
            children.plainText
        }
    }
}

extension Array where Element == InlineNode {
    public var plainText: String { map(\.plainText).joined() }
}
