import Ccmark

/// The only door to libcmark: parses text, copies the tree into Swift values and frees
/// every cmark object before returning, so no C pointer outlives this file.
public enum MarkdownParser {
    public static func parse(_ text: String) -> MarkdownDocument {
        let bytes = Array(text.utf8)
        let root: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                cmark_parse_document($0, buffer.count, CMARK_OPT_SOURCEPOS)
            }
        }
        guard let root else { return MarkdownDocument(blocks: []) }
        defer { cmark_node_free(root) }
        let converter = Converter(columns: ColumnCounter(bytes))
        return MarkdownDocument(blocks: converter.convertBlocks(childrenOf: root))
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

    func position(of node: OpaquePointer) -> SourcePosition {
        let line = Int(cmark_node_get_start_line(node))
        return SourcePosition(line: line, column: columns.characterColumn(line: line, byteColumn: Int(cmark_node_get_start_column(node))))
    }

    func convertBlocks(childrenOf node: OpaquePointer) -> [BlockNode] {
        children(of: node).compactMap(convertBlock)
    }

    func convertBlock(_ node: OpaquePointer) -> BlockNode? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(convertInlines(childrenOf: node))
        case CMARK_NODE_HEADING:
            return .heading(
                level: Int(cmark_node_get_heading_level(node)),
                content: convertInlines(childrenOf: node),
                id: "",
                position: position(of: node)
            )
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(convertBlocks(childrenOf: node))
        case CMARK_NODE_LIST:
            let kind: ListKind = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
                ? .ordered(start: Int(cmark_node_get_list_start(node)))
                : .bullet
            let items = children(of: node).map { convertBlocks(childrenOf: $0) }
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

    func convertInlines(childrenOf node: OpaquePointer) -> [InlineNode] {
        children(of: node).compactMap { convertInline($0, parent: node) }
    }

    func convertInline(_ node: OpaquePointer, parent: OpaquePointer) -> InlineNode? {
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
            return .emphasis(convertInlines(childrenOf: node))
        case CMARK_NODE_STRONG:
            return .strong(convertInlines(childrenOf: node))
        case CMARK_NODE_LINK:
            return .link(
                destination: string(cmark_node_get_url(node)),
                title: string(cmark_node_get_title(node)),
                content: convertInlines(childrenOf: node),
                position: inlinePosition(node, parent: parent)
            )
        case CMARK_NODE_IMAGE:
            return .image(
                source: string(cmark_node_get_url(node)),
                title: string(cmark_node_get_title(node)),
                alt: convertInlines(childrenOf: node),
                position: inlinePosition(node, parent: parent)
            )
        default:
            return nil
        }
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
