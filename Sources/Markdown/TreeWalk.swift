/// The one walk over a Markdown tree. Every reader and every transform of a body (heading
/// anchors, glossary links, embedded timelines and maps, the link check) goes through these,
/// so a new kind of block is taught to all of them in one place.
///
/// Recursion is safe here: `MarkdownParser` never builds a tree deeper than
/// `MarkdownParser.maximumDepth`.
extension Array where Element == BlockNode {
    /// Calls `visit` for every block in document order, each before the blocks inside it.
    public func forEachBlock(_ visit: (BlockNode) throws -> Void) rethrows {
        for block in self {
            try visit(block)
            try block.forEachChildList { try $0.forEachBlock(visit) }
        }
    }

    /// Calls `visit` for every inline in document order (in paragraphs, headings, link text
    /// and alt text), each before the inlines inside it.
    public func forEachInline(_ visit: (InlineNode) throws -> Void) rethrows {
        try forEachBlock { block in
            try block.inlines?.forEachInline(visit)
        }
    }

    /// Rewrites the tree from the top: `rewrite` is asked about each block before its
    /// children; the blocks it returns replace it (and are not walked again), nil keeps it and
    /// goes on into its children. Nothing is copied where nothing changed.
    public func rewritingBlocks(_ rewrite: (BlockNode) throws -> [BlockNode]?) rethrows -> [BlockNode] {
        try rewrittenBlocks(rewrite) ?? self
    }

    /// Rewrites the inline content of every paragraph and heading: `rewrite` gets each run of
    /// inlines with the kind of block that holds it and returns its replacement, or nil to keep
    /// it. Inlines nested in emphasis or links are the rewriter's to descend into, since what a
    /// transform does there depends on what surrounds them.
    public func rewritingInlines(_ rewrite: ([InlineNode], InlineContainer) throws -> [InlineNode]?) rethrows -> [BlockNode] {
        try rewritingBlocks { block in
            switch block {
            case .paragraph(let inlines):
                return try rewrite(inlines, .paragraph).map { [.paragraph($0)] }
            case .heading(let level, let content, let id, let position):
                return try rewrite(content, .heading).map { [.heading(level: level, content: $0, id: id, position: position)] }
            default:
                return nil
            }
        }
    }

    /// nil when nothing changed.
    fileprivate func rewrittenBlocks(_ rewrite: (BlockNode) throws -> [BlockNode]?) rethrows -> [BlockNode]? {
        var result: [BlockNode]?
        for (index, block) in enumerated() {
            let replacement: [BlockNode]?
            if let rewritten = try rewrite(block) {
                replacement = rewritten
            } else {
                replacement = try block.rewritingChildren(rewrite).map { [$0] }
            }
            if result == nil, replacement != nil { result = Array(self[..<index]) }
            if let replacement { result?.append(contentsOf: replacement) } else { result?.append(block) }
        }
        return result
    }
}

/// Which kind of block holds a run of inlines given to `rewritingInlines`.
public enum InlineContainer: Sendable {
    case paragraph
    case heading
}

extension Array where Element == InlineNode {
    /// Calls `visit` for every inline in order, each before the inlines inside it.
    public func forEachInline(_ visit: (InlineNode) throws -> Void) rethrows {
        for inline in self {
            try visit(inline)
            try inline.children?.forEachInline(visit)
        }
    }
}

extension BlockNode {
    /// The inlines a paragraph or heading holds; nil for other blocks.
    public var inlines: [InlineNode]? {
        switch self {
        case .paragraph(let inlines), .heading(_, let inlines, _, _): inlines
        default: nil
        }
    }

    /// Calls `body` with each list of blocks directly inside this one.
    fileprivate func forEachChildList(_ body: ([BlockNode]) throws -> Void) rethrows {
        switch self {
        case .blockQuote(let children): try body(children)
        case .list(_, _, let items): for item in items { try body(item) }
        case .paragraph, .heading, .codeBlock, .html, .thematicBreak, .trustedHTML: break
        }
    }

    /// This block with its child blocks rewritten, or nil when none changed.
    fileprivate func rewritingChildren(_ rewrite: (BlockNode) throws -> [BlockNode]?) rethrows -> BlockNode? {
        switch self {
        case .blockQuote(let children):
            return try children.rewrittenBlocks(rewrite).map(BlockNode.blockQuote)
        case .list(let kind, let tight, let items):
            var result: [[BlockNode]]?
            for (index, item) in items.enumerated() {
                let rewritten = try item.rewrittenBlocks(rewrite)
                if result == nil, rewritten != nil { result = Array(items[..<index]) }
                result?.append(rewritten ?? item)
            }
            return result.map { .list(kind: kind, tight: tight, items: $0) }
        case .paragraph, .heading, .codeBlock, .html, .thematicBreak, .trustedHTML:
            return nil
        }
    }
}

extension InlineNode {
    /// The inlines directly inside this one (emphasis, link text, alt text); nil for leaves.
    public var children: [InlineNode]? {
        switch self {
        case .emphasis(let children), .strong(let children): children
        case .link(_, _, let content, _): content
        case .image(_, _, let alt, _): alt
        case .text, .softBreak, .lineBreak, .code, .html, .trustedHTML: nil
        }
    }
}
