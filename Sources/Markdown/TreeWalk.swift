/// The one walk over a Markdown tree. Every reader and every transform of a body (heading
/// anchors, glossary links, embedded timelines and maps, the link check) goes through these,
/// so a new kind of block is taught to all of them in one place.
///
/// Recursion is safe here: `MarkdownParser` never builds a tree deeper than
/// `MarkdownParser.maximumDepth`.
extension Array where Element == BlockNode {
    /// Calls `visit` for every block in document order, each before the blocks inside it.
    public func forEachBlock(_ visit: (BlockNode) throws -> Void) rethrows {
        // Through the buffer, here and below: each node is lent where it lies. A `for`, or
        // `self[index]`, copied every node it passed (a retain and a release each).
        try withUnsafeBufferPointer { nodes in
            for index in nodes.indices {
                try visit(nodes[index])
                try nodes[index].forEachChildList { try $0.forEachBlock(visit) }
            }
        }
    }

    /// Calls `visit` for every inline in document order (in paragraphs, headings, table cells,
    /// captions, notes, link text and alt text), each before the inlines inside it.
    public func forEachInline(_ visit: (InlineNode) throws -> Void) rethrows {
        try forEachBlock { block in
            try block.forEachInlineRun { run, _ in try run.forEachInline(visit) }
        }
    }

    /// Rewrites the tree from the top: `rewrite` is asked about each block before its
    /// children; the blocks it returns replace it (and are not walked again), nil keeps it and
    /// goes on into its children. Nothing is copied where nothing changed.
    public func rewritingBlocks(_ rewrite: (BlockNode) throws -> [BlockNode]?) rethrows -> [BlockNode] {
        try rewrittenBlocks(rewrite) ?? self
    }

    /// Rewrites the inline content of every paragraph, heading, table cell and caption:
    /// `rewrite` gets each run of inlines with the kind of block that holds it and returns its
    /// replacement, or nil to keep it. Inlines nested in emphasis or links are the rewriter's to
    /// descend into, since what a transform does there depends on what surrounds them.
    public func rewritingInlines(_ rewrite: ([InlineNode], InlineContainer) throws -> [InlineNode]?) rethrows -> [BlockNode] {
        try rewritingBlocks { block in
            switch block {
            case .paragraph(let inlines):
                return try rewrite(inlines, .paragraph).map { [.paragraph($0)] }
            case .heading(let level, let content, let id, let position):
                return try rewrite(content, .heading).map { [.heading(level: level, content: $0, id: id, position: position)] }
            case .table(let table):
                var rewritten = table
                var changed = false
                for (column, cell) in table.header.enumerated() {
                    if let cell = try rewrite(cell, .tableCell) { rewritten.header[column] = cell; changed = true }
                }
                for (row, cells) in table.rows.enumerated() {
                    for (column, cell) in cells.enumerated() {
                        if let cell = try rewrite(cell, .tableCell) { rewritten.rows[row][column] = cell; changed = true }
                    }
                }
                if let caption = try rewrite(table.caption, .caption) { rewritten.caption = caption; changed = true }
                return changed ? [.table(rewritten)] : nil
            case .figure(var figure):
                guard let caption = try rewrite(figure.caption, .caption) else { return nil }
                figure.caption = caption
                return [.figure(figure)]
            case .blockQuote, .list, .codeBlock, .html, .thematicBreak, .trustedHTML, .footnotes:
                return nil
            }
        }
    }

    /// Rewrites every inline wherever it stands, nested ones too: `rewrite` is asked about each
    /// inline before its children; the inlines it returns replace it (and are not walked
    /// again), nil keeps it and goes on into its children.
    public func rewritingEachInline(_ rewrite: (InlineNode) throws -> [InlineNode]?) rethrows -> [BlockNode] {
        try rewritingInlines { inlines, _ in try inlines.rewrittenInlines(rewrite) }
    }

    /// nil when nothing changed.
    fileprivate func rewrittenBlocks(_ rewrite: (BlockNode) throws -> [BlockNode]?) rethrows -> [BlockNode]? {
        try replacing { index, nodes in try rewrite(nodes[index]) ?? nodes[index].rewritingChildren(rewrite).map { [$0] } }
    }
}

/// Which kind of block holds a run of inlines given to `rewritingInlines`.
public enum InlineContainer: Sendable {
    case paragraph
    case heading
    case tableCell
    /// A table's or a figure's caption.
    case caption
}

extension Array where Element == InlineNode {
    /// Calls `visit` for every inline in order, each before the inlines inside it.
    public func forEachInline(_ visit: (InlineNode) throws -> Void) rethrows {
        try withUnsafeBufferPointer { nodes in
            for index in nodes.indices {
                try visit(nodes[index])
                try nodes[index].children?.forEachInline(visit)
            }
        }
    }

    /// Every inline rewritten as `rewritingEachInline` says; nil when nothing changed.
    public func rewrittenInlines(_ rewrite: (InlineNode) throws -> [InlineNode]?) rethrows -> [InlineNode]? {
        try replacing { index, nodes in
            if let rewritten = try rewrite(nodes[index]) { return rewritten }
            return try nodes[index].children?.rewrittenInlines(rewrite).map { [nodes[index].replacingChildren($0)] }
        }
    }
}

extension Array {
    /// The elements with those `replacement` gives a replacement for (any number of elements,
    /// nil to keep it) replaced; nil when none was, and then nothing is copied. Every rewrite of
    /// a list of nodes goes through here. `replacement` gets each element's place and all the
    /// elements, lent from the buffer where they lie (reading one by `self[index]` copied it),
    /// so it can look at an element's neighbours too. Inlinable: the glossary calls it from
    /// another module, where the generic copy would go through witnesses for every element.
    @inlinable
    public func replacing(_ replacement: (_ index: Int, _ elements: UnsafeBufferPointer<Element>) throws -> [Element]?) rethrows -> [Element]? {
        try withUnsafeBufferPointer { elements in
            var result: [Element]?
            for index in elements.indices {
                let replaced = try replacement(index, elements)
                if result == nil, replaced != nil { result = Array(elements[..<index]) }
                if let replaced { result?.append(contentsOf: replaced) } else if result != nil { result!.append(elements[index]) }
            }
            return result
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

    /// Calls `body` with each run of inlines this block holds itself (not those of the blocks
    /// inside it), in reading order.
    public func forEachInlineRun(_ body: ([InlineNode], InlineContainer) throws -> Void) rethrows {
        switch self {
        case .paragraph(let inlines): try body(inlines, .paragraph)
        case .heading(_, let inlines, _, _): try body(inlines, .heading)
        case .table(let table):
            for cell in table.header { try body(cell, .tableCell) }
            for row in table.rows { for cell in row { try body(cell, .tableCell) } }
            try body(table.caption, .caption)
        case .figure(let figure): try body(figure.caption, .caption)
        case .blockQuote, .list, .codeBlock, .html, .thematicBreak, .trustedHTML, .footnotes: break
        }
    }

    /// Calls `body` with each list of blocks directly inside this one.
    fileprivate func forEachChildList(_ body: ([BlockNode]) throws -> Void) rethrows {
        switch self {
        case .blockQuote(let children): try body(children)
        case .list(_, _, let items): for item in items { try body(item) }
        case .footnotes(let notes): for note in notes { try body(note.blocks) }
        case .paragraph, .heading, .codeBlock, .html, .thematicBreak, .trustedHTML, .table, .figure: break
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
        case .footnotes(let notes):
            var result: [Footnote]?
            for (index, note) in notes.enumerated() {
                let rewritten = try note.blocks.rewrittenBlocks(rewrite)
                if result == nil, rewritten != nil { result = Array(notes[..<index]) }
                var copy = note
                if let rewritten { copy.blocks = rewritten }
                result?.append(copy)
            }
            return result.map(BlockNode.footnotes)
        case .paragraph, .heading, .codeBlock, .html, .thematicBreak, .trustedHTML, .table, .figure:
            return nil
        }
    }
}

extension InlineNode {
    /// The inlines directly inside this one (emphasis, link text, alt text); nil for leaves.
    public var children: [InlineNode]? {
        switch self {
        case .emphasis(let children), .strong(let children), .strikethrough(let children): children
        case .link(_, _, let content, _): content
        case .image(_, _, let alt, _): alt
        case .text, .softBreak, .lineBreak, .code, .html, .trustedHTML, .footnoteReference: nil
        }
    }

    /// This inline with other children; a leaf is returned as it is.
    public func replacingChildren(_ children: [InlineNode]) -> InlineNode {
        switch self {
        case .emphasis: .emphasis(children)
        case .strong: .strong(children)
        case .strikethrough: .strikethrough(children)
        case .link(let destination, let title, _, let position): .link(destination: destination, title: title, content: children, position: position)
        case .image(let source, let title, _, let position): .image(source: source, title: title, alt: children, position: position)
        case .text, .softBreak, .lineBreak, .code, .html, .trustedHTML, .footnoteReference: self
        }
    }
}
