import Ccmark

/// The only door to libcmark: parses text, copies the tree into Swift values and frees
/// every cmark object before returning, so no C pointer outlives this file.
///
/// GFM's extensions are read around cmark on the same tree: pipe tables from a paragraph's
/// source lines (their cells parsed by cmark too), strikethrough, extended autolinks and
/// footnote references from text nodes, footnote definitions from lines hidden from cmark's
/// link definitions (`FootnoteDefinitions`).
public enum MarkdownParser {
    /// How deep blocks and inlines may nest in the tree handed out. Real text nests a few
    /// levels; 13,000 `>` nest 13,000, and every recursive walk (and Swift's release of an
    /// indirect enum) would overflow the stack on them. What lies deeper is kept as plain text.
    public static let maximumDepth = 48

    public static func parse(_ text: String) -> MarkdownDocument {
        let (bytes, noteLabels) = hidingFootnoteDefinitions(Array(text.utf8))
        var converter = Converter(lines: SourceLines(bytes), noteLabels: noteLabels)
        guard let blocks = withTree(bytes, { converter.convertBlocks(childrenOf: $0, depth: 0) }) else {
            return MarkdownDocument(blocks: [])
        }
        var problems = converter.problems
        let resolved = FootnoteReferences.resolve(blocks, definitions: converter.definitions, problems: &problems)
        problems.sort { ($0.position.line, $0.position.column) < ($1.position.line, $1.position.column) }
        return MarkdownDocument(blocks: resolved, flattenedAt: converter.flattenedAt, problems: problems)
    }

    /// The text with the `[` of every note's `[^label]:` replaced by `FootnoteDefinitions.mark`
    /// (one byte for one, so every position stays), and the notes' labels. A line in a code
    /// block, an HTML block, a list or a quote is no note: a first parse tells where those are.
    private static func hidingFootnoteDefinitions(_ bytes: [UInt8]) -> ([UInt8], Set<String>) {
        let candidates = FootnoteDefinitions.candidates(in: bytes)
        guard !candidates.isEmpty else { return (bytes, []) }
        let otherBlocks: [ClosedRange<Int>] = withTree(bytes) { root in
            children(of: root).compactMap { node in
                guard cmark_node_get_type(node) != CMARK_NODE_PARAGRAPH else { return nil }
                let start = Int(cmark_node_get_start_line(node))
                return start...max(start, Int(cmark_node_get_end_line(node)))
            }
        } ?? []
        var escaped = bytes
        var labels = Set<String>()
        for candidate in candidates where !otherBlocks.contains(where: { $0.contains(candidate.line) }) {
            guard let (label, _) = FootnoteDefinitions.label(in: bytes[candidate.offset...], definition: true) else { continue }
            escaped[candidate.offset] = FootnoteDefinitions.mark
            labels.insert(FootnoteDefinitions.key(label))
        }
        return (escaped, labels)
    }
}

/// Parses `bytes` with cmark into this thread's `ParseArena`, hands the root to `body`, and
/// gives the arena back what the parse took.
private func withTree<Result>(_ bytes: [UInt8], _ body: (OpaquePointer) -> Result) -> Result? {
    let mark = ParseArena.mark()
    defer { ParseArena.release(to: mark) }
    guard let parser = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, ParseArena.memory) else { return nil }
    bytes.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
    }
    let root = cmark_parser_finish(parser)
    cmark_parser_free(parser)
    guard let root else { return nil }
    return body(root)
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

private func type(of node: OpaquePointer?) -> cmark_node_type? {
    node.map(cmark_node_get_type)
}

private struct Converter {
    /// The text cmark read.
    let lines: SourceLines
    /// The notes the text defines (`FootnoteDefinitions.key`), so references to them are known.
    let noteLabels: Set<String>
    /// Where a position in the text cmark read lies in the editor's text, for text parsed
    /// apart (table cells, a note's indented paragraphs); nil when they are the same.
    var relocate: ((SourcePosition) -> SourcePosition)?
    /// Top-level paragraphs may start notes, and may be tables; not so in a table's cells.
    var readsBlockExtensions = true
    /// Where the first node deeper than `MarkdownParser.maximumDepth` was flattened.
    var flattenedAt: SourcePosition?
    var problems: [MarkdownProblem] = []
    var definitions: [FootnoteDefinition] = []

    init(lines: SourceLines, noteLabels: Set<String>) {
        self.lines = lines
        self.noteLabels = noteLabels
    }

    /// The last column `position(of:)` counted. Nodes come in reading order, many on one long
    /// line (a paragraph): each is counted on from the last, not from the start of the line.
    private var counted: (line: Int, byteColumn: Int, column: Int)?

    mutating func position(of node: OpaquePointer) -> SourcePosition {
        let line = Int(cmark_node_get_start_line(node))
        let byteColumn = Int(cmark_node_get_start_column(node))
        // No line: cmark does not place most inlines (`inlinePosition` asks their block).
        guard line > 0 else { return SourcePosition(line: line, column: byteColumn) }
        let column: Int
        if byteColumn <= 1 {
            column = byteColumn
        } else if let counted, counted.line == line, counted.byteColumn <= byteColumn {
            column = counted.column + lines.characters(line: line, fromByte: counted.byteColumn - 1, toByte: byteColumn - 1)
            self.counted = (line, byteColumn, column)
        } else {
            column = lines.characterColumn(line: line, byteOffset: byteColumn - 1)
            counted = (line, byteColumn, column)
        }
        let position = SourcePosition(line: line, column: column)
        guard let relocate else { return position }
        return relocate(position)
    }

    // Arrays of the children's count, not grown by appending: the trees of every text are
    // held until the site is rendered, and growth left a third of each array unused.

    mutating func convertBlocks(childrenOf node: OpaquePointer, depth: Int) -> [BlockNode] {
        let nodes = children(of: node)
        var blocks: [BlockNode] = []
        blocks.reserveCapacity(nodes.count)
        var noteIsOpen = false
        for child in nodes {
            if noteIsOpen, isIndentedCode(child) {
                // A note's further paragraphs, indented four spaces: cmark saw code.
                definitions[definitions.count - 1].blocks += noteContinuation(child, depth: depth + 1)
                continue
            }
            noteIsOpen = false
            if depth >= MarkdownParser.maximumDepth {
                blocks.append(.paragraph([flattened(child)]))
            } else if cmark_node_get_type(child) == CMARK_NODE_PARAGRAPH {
                let (converted, endsWithNote) = convertParagraph(child, depth: depth)
                blocks += converted
                noteIsOpen = endsWithNote
            } else if let block = convertBlock(child, depth: depth) {
                blocks.append(block)
            }
        }
        return blocks
    }

    mutating func convertBlock(_ node: OpaquePointer, depth: Int) -> BlockNode? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            return .heading(
                level: Int(cmark_node_get_heading_level(node)),
                content: convertInlines(children(of: node), depth: depth + 1),
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
            let html = literal(of: node)
            problems.append(MarkdownProblem(.rawHTML(html), at: position(of: node)))
            return .html(html)
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        default:
            return nil
        }
    }

    // MARK: Paragraphs, tables and notes

    /// A paragraph, or what it really is: notes (with the text before them), or a table
    /// (with the text before it).
    mutating func convertParagraph(_ node: OpaquePointer, depth: Int) -> (blocks: [BlockNode], endsWithNote: Bool) {
        let inlines = children(of: node)
        if depth == 0, readsBlockExtensions, !noteLabels.isEmpty, inlines.contains(where: isNoteStart) {
            return convertNotes(inlines, depth: depth)
        }
        if readsBlockExtensions, let blocks = convertTable(node, inlines: inlines, depth: depth) {
            return (blocks, false)
        }
        return ([.paragraph(convertInlines(inlines, depth: depth + 1))], false)
    }

    func isNoteStart(_ node: OpaquePointer) -> Bool {
        cmark_node_get_type(node) == CMARK_NODE_TEXT && cmark_node_get_literal(node)?.pointee == CChar(bitPattern: FootnoteDefinitions.mark)
    }

    /// Each `[^label]:` line starts a note that runs to the next one or the paragraph's end.
    mutating func convertNotes(_ inlines: [OpaquePointer], depth: Int) -> (blocks: [BlockNode], endsWithNote: Bool) {
        var segments: [[OpaquePointer]] = [[]]
        for node in inlines {
            if isNoteStart(node) {
                if let last = segments[segments.count - 1].last, [CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK].contains(cmark_node_get_type(last)) {
                    segments[segments.count - 1].removeLast()
                }
                segments.append([])
            }
            segments[segments.count - 1].append(node)
        }
        var blocks: [BlockNode] = []
        if !segments[0].isEmpty { blocks.append(.paragraph(convertInlines(segments[0], depth: depth + 1))) }
        for segment in segments.dropFirst() {
            let start = segment[0]
            let bytes = Array(literal(of: start).utf8)
            guard let (label, length) = FootnoteDefinitions.label(in: bytes[...], definition: true) else { continue }
            var content = convertInlines(segment, depth: depth + 1)
            // The label is plain text to cmark, so it begins the first text node.
            if case .text(let text)? = content.first, text.utf8.count >= length {
                let rest = String(decoding: Array(text.utf8).dropFirst(length), as: UTF8.self).drop(while: { $0 == " " || $0 == "\t" })
                if rest.isEmpty { content.removeFirst() } else { content[0] = .text(String(rest)) }
            }
            definitions.append(FootnoteDefinition(label: label, blocks: content.isEmpty ? [] : [.paragraph(content)], position: position(of: start)))
        }
        return (blocks, true)
    }

    /// The blocks of an indented code block that continues a note, parsed as Markdown.
    mutating func noteContinuation(_ node: OpaquePointer, depth: Int) -> [BlockNode] {
        let start = position(of: node)
        var inner = Converter(lines: SourceLines(Array(literal(of: node).utf8)), noteLabels: noteLabels)
        inner.readsBlockExtensions = true
        inner.relocate = { SourcePosition(line: start.line + $0.line - 1, column: start.column + $0.column - 1) }
        let bytes = inner.lines.bytes
        let blocks = withTree(bytes) { inner.convertBlocks(childrenOf: $0, depth: depth) } ?? []
        problems += inner.problems
        flattenedAt = flattenedAt ?? inner.flattenedAt
        return blocks
    }

    func isIndentedCode(_ node: OpaquePointer) -> Bool {
        guard cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK else { return false }
        let line = lines.line(Int(cmark_node_get_start_line(node)))
        let column = Int(cmark_node_get_start_column(node))
        guard column >= 1, line.startIndex + column - 1 < line.endIndex else { return true }
        let first = line[(line.startIndex + column - 1)...].first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") })
        return first != UInt8(ascii: "`") && first != UInt8(ascii: "~")
    }

    /// A GFM table when the paragraph's lines hold a header row and a delimiter row with as
    /// many cells; the lines before the header stay a paragraph (or name the table).
    mutating func convertTable(_ node: OpaquePointer, inlines: [OpaquePointer], depth: Int) -> [BlockNode]? {
        let firstLine = Int(cmark_node_get_start_line(node)), lastLine = Int(cmark_node_get_end_line(node))
        guard firstLine > 0, lastLine > firstLine else { return nil }
        var quoteDepth = 0
        var ancestor = cmark_node_parent(node)
        while let current = ancestor {
            if cmark_node_get_type(current) == CMARK_NODE_BLOCK_QUOTE { quoteDepth += 1 }
            ancestor = cmark_node_parent(current)
        }
        let firstColumn = Int(cmark_node_get_start_column(node))
        let contents = (firstLine...lastLine).map { lines.content(ofLine: $0, firstLine: firstLine, firstColumn: firstColumn, quoteDepth: quoteDepth) }
        let rows = contents.map(\.text)
        guard rows.dropFirst().contains(where: { $0.contains(UInt8(ascii: "-")) }) else { return nil }
        var found: (header: Int, alignments: [TableAlignment])?
        // A delimiter row indented four columns is a paragraph's text, as in cmark-gfm.
        for index in rows.indices.dropFirst() where contents[index].indent < 4 {
            guard let delimiter = TableSyntax.cells(in: rows[index]), let alignments = TableSyntax.alignments(delimiter) else { continue }
            // As in cmark-gfm: the first delimiter row decides; a header that does not match means no table.
            guard TableSyntax.cells(in: rows[index - 1])?.count == delimiter.count else { return nil }
            found = (index - 1, alignments)
            break
        }
        guard let (header, alignments) = found else { return nil }

        // Each cell, with where it starts in the editor's text.
        var cells: [(text: String, line: Int, offset: Int)] = []
        func addRow(_ index: Int) {
            let row = TableSyntax.cells(in: rows[index]) ?? []
            let lineOffset = rows[index].startIndex - lines.starts[firstLine + index - 1]
            for column in alignments.indices {
                let cell = column < row.count ? row[column] : TableSyntax.Cell(text: "", offset: 0)
                cells.append((cell.text, firstLine + index, lineOffset + cell.offset))
            }
        }
        addRow(header)
        var bodyRows = Array((header + 2)..<rows.count)
        var captionRow: Int?
        if let last = bodyRows.last, TableSyntax.caption(rows[last]) != nil, TableSyntax.cells(in: rows[last])?.count == 1 {
            captionRow = bodyRows.removeLast()
        } else if header == 1, TableSyntax.caption(rows[0]) != nil {
            captionRow = 0
        }
        for row in bodyRows { addRow(row) }
        if let captionRow, let caption = TableSyntax.caption(rows[captionRow]) {
            let lineOffset = rows[captionRow].startIndex - lines.starts[firstLine + captionRow - 1]
            cells.append((caption.text, firstLine + captionRow, lineOffset + caption.offset))
        }

        let parsed = convertCells(cells, depth: depth + 2)
        let columns = alignments.count
        var table = Table(alignments: alignments, header: Array(parsed.prefix(columns)), rows: [], position: position(of: node))
        table.position.line = firstLine + header
        table.position.column = lines.characterColumn(line: firstLine + header, byteOffset: rows[header].startIndex - lines.starts[firstLine + header - 1])
        table.position = relocate?(table.position) ?? table.position
        for row in bodyRows.indices {
            table.rows.append(Array(parsed[(columns * (row + 1))..<(columns * (row + 2))]))
        }
        if captionRow != nil { table.caption = parsed[parsed.count - 1] }

        let textLines = captionRow == 0 ? 0..<0 : 0..<header
        guard !textLines.isEmpty else { return [.table(table)] }
        let headerLine = firstLine + header
        var before = inlines.prefix { node in
            let line = Int(cmark_node_get_start_line(node))
            return line == 0 || line < headerLine
        }
        while let last = before.last, type(of: last) == CMARK_NODE_SOFTBREAK || type(of: last) == CMARK_NODE_LINEBREAK { before.removeLast() }
        return [.paragraph(convertInlines(Array(before), depth: depth + 1)), .table(table)]
    }

    /// The inlines of every cell, parsed by cmark as one paragraph each. Each cell is written
    /// after an escaped `!`, so that `- a` or `# b` in a cell stays text and `*a*` at its start
    /// still opens emphasis; the `!` is dropped again. The text cmark read follows the cells
    /// so that reference links in cells find their definitions.
    mutating func convertCells(_ cells: [(text: String, line: Int, offset: Int)], depth: Int) -> [[InlineNode]] {
        var document = cells.map { "\\!" + $0.text + "\n\n" }.joined()
        if lines.bytes.count < 1 << 20, lines.bytes.contains(UInt8(ascii: ":")) {
            document += String(decoding: lines.bytes, as: UTF8.self)
        }
        let outer = self
        let origins = cells.map { cell in
            SourcePosition(line: cell.line, column: outer.lines.characterColumn(line: cell.line, byteOffset: cell.offset))
        }
        var inner = Converter(lines: SourceLines(Array(document.utf8)), noteLabels: noteLabels)
        inner.readsBlockExtensions = false
        inner.relocate = { position in
            let cell = min(max(0, (position.line - 1) / 2), origins.count - 1)
            let origin = outer.relocate?(origins[cell]) ?? origins[cell]
            return SourcePosition(line: origin.line, column: origin.column + max(0, position.column - 3))
        }
        let bytes = inner.lines.bytes
        let parsed: [[InlineNode]] = withTree(bytes) { root in
            children(of: root).prefix(cells.count).map { paragraph in
                var inlines = inner.convertInlines(children(of: paragraph), depth: depth)
                if case .text(let text)? = inlines.first, text.hasPrefix("!") {
                    let rest = String(text.dropFirst())
                    if rest.isEmpty { inlines.removeFirst() } else { inlines[0] = .text(rest) }
                }
                return inlines
            }
        } ?? []
        problems += inner.problems
        flattenedAt = flattenedAt ?? inner.flattenedAt
        return parsed + Array(repeating: [], count: max(0, cells.count - parsed.count))
    }

    // MARK: Inlines

    mutating func convertInlines(_ nodes: [OpaquePointer], depth: Int, insideLink: Bool = false) -> [InlineNode] {
        var result: [InlineNode] = []
        result.reserveCapacity(nodes.count)
        for (index, node) in nodes.enumerated() {
            convertInline(node, previous: index > 0 ? nodes[index - 1] : nil, depth: depth, insideLink: insideLink, into: &result)
        }
        return Strikethrough.apply(result) ?? result
    }

    /// Appends what `node` is: mostly one inline. Into the caller's list, not a list of its
    /// own: an array for every text of every body was a good share of the conversion.
    mutating func convertInline(_ node: OpaquePointer, previous: OpaquePointer?, depth: Int, insideLink: Bool, into result: inout [InlineNode]) {
        if depth >= MarkdownParser.maximumDepth {
            return result.append(flattened(node))
        }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT:
            let text = literal(of: node)
            // Most texts hold neither a note reference nor an autolink: only those that may are
            // placed, which asks cmark's ancestors and counts columns.
            guard FootnoteReferences.mayHold(text) || (!insideLink && ExtendedAutolinks.mayHold(text)) else { return result.append(.text(text)) }
            result += convertText(text, at: inlinePosition(node), previous: previous, insideLink: insideLink)
        case CMARK_NODE_SOFTBREAK:
            result.append(.softBreak)
        case CMARK_NODE_LINEBREAK:
            result.append(.lineBreak)
        case CMARK_NODE_CODE:
            result.append(.code(literal(of: node)))
        case CMARK_NODE_HTML_INLINE:
            let html = literal(of: node)
            if !html.hasPrefix("</") { problems.append(MarkdownProblem(.rawHTML(html), at: inlinePosition(node))) }
            result.append(.html(html))
        case CMARK_NODE_EMPH:
            result.append(.emphasis(convertInlines(children(of: node), depth: depth + 1, insideLink: insideLink)))
        case CMARK_NODE_STRONG:
            result.append(.strong(convertInlines(children(of: node), depth: depth + 1, insideLink: insideLink)))
        case CMARK_NODE_LINK:
            result.append(.link(
                destination: string(cmark_node_get_url(node)),
                title: string(cmark_node_get_title(node)),
                content: convertInlines(children(of: node), depth: depth + 1, insideLink: true),
                position: inlinePosition(node)
            ))
        case CMARK_NODE_IMAGE:
            result.append(.image(
                source: string(cmark_node_get_url(node)),
                title: string(cmark_node_get_title(node)),
                alt: convertInlines(children(of: node), depth: depth + 1, insideLink: true),
                position: inlinePosition(node)
            ))
        default:
            break
        }
    }

    /// A text node with its footnote references and extended autolinks.
    mutating func convertText(_ text: String, at position: SourcePosition, previous: OpaquePointer?, insideLink: Bool) -> [InlineNode] {
        let pieces = FootnoteReferences.find(in: text, known: noteLabels, position: position, problems: &problems) ?? [.text(text)]
        guard !insideLink else { return pieces }
        return pieces.enumerated().flatMap { index, piece -> [InlineNode] in
            guard case .text(let text) = piece else { return [piece] }
            let afterDelimiter = index == 0 ? Self.autolinkMayStart(after: previous) : false
            return ExtendedAutolinks.link(text, startsAfterDelimiter: afterDelimiter, position: position) ?? [piece]
        }
    }

    /// Whether an extended autolink may start right after `previous` (nil: the start of the
    /// paragraph): after a line break, emphasis (its closing `*` or `_`) or a space, `*`, `_`,
    /// `~` or `(`.
    static func autolinkMayStart(after previous: OpaquePointer?) -> Bool {
        guard let previous else { return true }
        switch cmark_node_get_type(previous) {
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_EMPH, CMARK_NODE_STRONG:
            return true
        case CMARK_NODE_TEXT:
            guard let last = literal(of: previous).unicodeScalars.last else { return true }
            return last.properties.isWhitespace || "*_~(".unicodeScalars.contains(last)
        default:
            return false
        }
    }

    /// The text of a subtree too deep to keep as a tree, read with cmark's iterator, which
    /// does not recurse.
    mutating func flattened(_ node: OpaquePointer) -> InlineNode {
        if flattenedAt == nil {
            let own = position(of: node)
            flattenedAt = own.line > 0 ? own : cmark_node_parent(node).map { position(of: $0) } ?? SourcePosition(line: 1, column: 1)
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
    mutating func inlinePosition(_ node: OpaquePointer) -> SourcePosition {
        var ancestor: OpaquePointer? = node
        while let current = ancestor {
            let candidate = position(of: current)
            if candidate.line > 0 { return candidate }
            ancestor = cmark_node_parent(current)
        }
        return SourcePosition(line: 1, column: 1)
    }
}
