import Ccmark

/// The only door to libcmark: parses text, copies the tree into Swift values and frees
/// every cmark object before returning, so no C pointer outlives this file.
public enum MarkdownParser {
    /// How deep blocks and inlines may nest in the tree handed out. Real text nests a few
    /// levels; 13,000 `>` nest 13,000, and every recursive walk (and Swift's release of an
    /// indirect enum) would overflow the stack on them. What lies deeper is kept as plain text.
    public static let maximumDepth = 48

    public static func parse(_ text: String) -> MarkdownDocument {
        let bytes = Array(text.utf8)
        let root: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                cmark_parse_document($0, buffer.count, CMARK_OPT_SOURCEPOS)
            }
        }
        guard let root else { return MarkdownDocument(blocks: []) }
        defer { cmark_node_free(root) }
        var converter = Converter(columns: ColumnCounter(bytes))
        let blocks = converter.convertBlocks(childrenOf: root, depth: 0)
        return MarkdownDocument(blocks: blocks, flattenedAt: converter.flattenedAt)
    }
}

private func children(of node: OpaquePointer) -> [OpaquePointer] {
    var result: [OpaquePointer] = []
    var child = cmark_node_first_child(node)
    while let current = child {
        result.append(current)
        child = cmark_node_next(current)
    }
    return result
}

private func literal(of node: OpaquePointer) -> String {
    guard let pointer = cmark_node_get_literal(node) else { return "" }
    return String(cString: pointer)
}

private func string(_ pointer: UnsafePointer<CChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
}

/// cmark counts columns in bytes; editors count characters. Converts, for the few nodes that keep a position.
private struct ColumnCounter {
    let bytes: [UInt8]
    let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(index + 1)
        }
        lineStarts = starts
    }

    func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return byteColumn }
        let start = lineStarts[line - 1]
        let end = min(bytes.count, start + byteColumn - 1)
        // Every byte that does not continue a UTF-8 sequence starts a character.
        return bytes[start..<end].reduce(1) { $0 + (($1 & 0xC0) == 0x80 ? 0 : 1) }
    }
}

private struct Converter {
    let columns: ColumnCounter
    /// Where the first node deeper than `MarkdownParser.maximumDepth` was flattened.
    var flattenedAt: SourcePosition?

    func position(of node: OpaquePointer) -> SourcePosition {
        let line = Int(cmark_node_get_start_line(node))
        return SourcePosition(line: line, column: columns.characterColumn(line: line, byteColumn: Int(cmark_node_get_start_column(node))))
    }

    // Arrays of the children's count, not grown by appending: the trees of every text are
    // held until the site is rendered, and growth left a third of each array unused.

    mutating func convertBlocks(childrenOf node: OpaquePointer, depth: Int) -> [BlockNode] {
        let nodes = children(of: node)
        var blocks: [BlockNode] = []
        blocks.reserveCapacity(nodes.count)
        for child in nodes {
            if let block = convertBlock(child, depth: depth) { blocks.append(block) }
        }
        return blocks
    }

    mutating func convertBlock(_ node: OpaquePointer, depth: Int) -> BlockNode? {
        if depth >= MarkdownParser.maximumDepth {
            return .paragraph([flattened(node)])
        }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(convertInlines(childrenOf: node, depth: depth + 1))
        case CMARK_NODE_HEADING:
            return .heading(
                level: Int(cmark_node_get_heading_level(node)),
                content: convertInlines(childrenOf: node, depth: depth + 1),
                id: "",
                position: position(of: node)
            )
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(convertBlocks(childrenOf: node, depth: depth + 1))
        case CMARK_NODE_LIST:
            let kind: ListKind = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
                ? .ordered(start: Int(cmark_node_get_list_start(node)))
                : .bullet
            // An item is a level of its own: a list of lists nests twice per `- `.
            let items = children(of: node).map { convertBlocks(childrenOf: $0, depth: depth + 2) }
            return .list(kind: kind, tight: cmark_node_get_list_tight(node) != 0, items: items)
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), code: literal(of: node), position: position(of: node))
        case CMARK_NODE_HTML_BLOCK:
            return .html(literal(of: node))
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        default:
            return nil
        }
    }

    mutating func convertInlines(childrenOf node: OpaquePointer, depth: Int) -> [InlineNode] {
        let nodes = children(of: node)
        var inlines: [InlineNode] = []
        inlines.reserveCapacity(nodes.count)
        for child in nodes {
            if let inline = convertInline(child, parent: node, depth: depth) { inlines.append(inline) }
        }
        return inlines
    }

    mutating func convertInline(_ node: OpaquePointer, parent: OpaquePointer, depth: Int) -> InlineNode? {
        if depth >= MarkdownParser.maximumDepth {
            return flattened(node)
        }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT:
            return .text(literal(of: node))
        case CMARK_NODE_SOFTBREAK:
            return .softBreak
        case CMARK_NODE_LINEBREAK:
            return .lineBreak
        case CMARK_NODE_CODE:
            return .code(literal(of: node))
        case CMARK_NODE_HTML_INLINE:
            return .html(literal(of: node))
        case CMARK_NODE_EMPH:
            return .emphasis(convertInlines(childrenOf: node, depth: depth + 1))
        case CMARK_NODE_STRONG:
            return .strong(convertInlines(childrenOf: node, depth: depth + 1))
        case CMARK_NODE_LINK:
            return .link(
                destination: string(cmark_node_get_url(node)),
                title: string(cmark_node_get_title(node)),
                content: convertInlines(childrenOf: node, depth: depth + 1),
                position: inlinePosition(node, parent: parent)
            )
        case CMARK_NODE_IMAGE:
            return .image(
                source: string(cmark_node_get_url(node)),
                title: string(cmark_node_get_title(node)),
                alt: convertInlines(childrenOf: node, depth: depth + 1),
                position: inlinePosition(node, parent: parent)
            )
        default:
            return nil
        }
    }

    /// The text of a subtree too deep to keep as a tree, read with cmark's iterator, which
    /// does not recurse.
    mutating func flattened(_ node: OpaquePointer) -> InlineNode {
        if flattenedAt == nil {
            let own = position(of: node)
            flattenedAt = own.line > 0 ? own : cmark_node_parent(node).map(position(of:)) ?? SourcePosition(line: 1, column: 1)
        }
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return .text("") }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK: text += literal(of: current)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if !text.isEmpty, text.last != " " { text += " " }
            default: break
            }
        }
        return .text(text)
    }

    /// cmark tracks positions for some inlines only; fall back to the enclosing block's start.
    func inlinePosition(_ node: OpaquePointer, parent: OpaquePointer) -> SourcePosition {
        let own = position(of: node)
        if own.line > 0 { return own }
        var ancestor: OpaquePointer? = parent
        while let current = ancestor {
            let candidate = position(of: current)
            if candidate.line > 0 { return candidate }
            ancestor = cmark_node_parent(current)
        }
        return SourcePosition(line: 1, column: 1)
}
}
