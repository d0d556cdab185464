/// GFM's pipe-table rows, read from a paragraph's source lines (cmark itself reads a table
/// as a paragraph of pipes). The rules are those of cmark-gfm's table extension: a header
/// row and a delimiter row with as many cells; each following line of the paragraph is a row.
enum TableSyntax {
    /// A cell's text as written, with `\|` already made `|`, and where it starts in its line.
    struct Cell: Equatable {
        var text: String
        /// Byte offset of the cell's first character within the line given to `cells(in:)`.
        var offset: Int
    }

    /// The cells of a row, or nil when the line is no row (nothing but a pipe).
    static func cells(in line: ArraySlice<UInt8>) -> [Cell]? {
        let pipe = UInt8(ascii: "|"), backslash = UInt8(ascii: "\\")
        var end = line.endIndex
        while end > line.startIndex, isSpace(line[end - 1]) { end -= 1 }
        var position = line.startIndex
        while position < end, isSpace(line[position]) { position += 1 }
        if position < end, line[position] == pipe { position += 1 }
        var cells: [Cell] = []
        while position < end {
            var cellEnd = position
            while cellEnd < end, !(line[cellEnd] == pipe && (cellEnd == line.startIndex || line[cellEnd - 1] != backslash)) {
                cellEnd += 1
            }
            var start = position
            while start < cellEnd, isSpace(line[start]) { start += 1 }
            var stop = cellEnd
            while stop > start, isSpace(line[stop - 1]) { stop -= 1 }
            var bytes = Array(line[start..<stop])
            // `\|` is a pipe in the cell's text, also inside code spans.
            bytes.indices.reversed().dropFirst().forEach { index in
                if bytes[index] == backslash, bytes[index + 1] == pipe { bytes.remove(at: index) }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            cells.append(Cell(text: text, offset: start - line.startIndex))
            position = cellEnd + 1
        }
        return cells.isEmpty ? nil : cells
    }

    /// The columns' alignments when the cells are a delimiter row (`| :-- | :-: | --: |`).
    static func alignments(_ cells: [Cell]) -> [TableAlignment]? {
        var result: [TableAlignment] = []
        for cell in cells {
            var marker = Substring(cell.text)
            let left = marker.first == ":", right = marker.count > 1 && marker.last == ":"
            if left { marker = marker.dropFirst() }
            if right { marker = marker.dropLast() }
            guard !marker.isEmpty, marker.allSatisfy({ $0 == "-" }) else { return nil }
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return result
    }

    /// A line that names the table: `: Caption` right above or below it.
    static func caption(_ line: ArraySlice<UInt8>) -> (text: String, offset: Int)? {
        var start = line.startIndex
        while start < line.endIndex, isSpace(line[start]) { start += 1 }
        guard line.endIndex - start > 2, line[start] == UInt8(ascii: ":"), isSpace(line[start + 1]) else { return nil }
        var textStart = start + 1
        while textStart < line.endIndex, isSpace(line[textStart]) { textStart += 1 }
        return (String(decoding: line[textStart...], as: UTF8.self), textStart - line.startIndex)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}

/// The lines of the text given to the parser, as bytes, for the few blocks that are read
/// from their source (tables).
struct SourceLines {
    let bytes: [UInt8]
    /// Byte offset where each line starts; line n (from 1) starts at `starts[n - 1]`.
    let starts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var next = 0
        while let newline = bytes.index(of: UInt8(ascii: "\n"), from: next) {
            next = newline + 1
            starts.append(next)
        }
        self.starts = starts
    }

    /// Line `number` (from 1) without its line ending.
    func line(_ number: Int) -> ArraySlice<UInt8> {
        guard number >= 1, number <= starts.count else { return [] }
        let start = starts[number - 1]
        var end = number < starts.count ? starts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return bytes[start..<end]
    }

    /// The text of a paragraph's line inside `quoteDepth` block quotes, and how far it is
    /// indented beyond the paragraph's first line: `firstColumn` (a byte column from 1) is
    /// where the paragraph starts on its first line; on later lines the quotes' `>` and the
    /// indentation are skipped.
    func content(ofLine number: Int, firstLine: Int, firstColumn: Int, quoteDepth: Int) -> (text: ArraySlice<UInt8>, indent: Int) {
        let whole = line(number)
        if number == firstLine {
            return (whole[min(whole.endIndex, whole.startIndex + max(0, firstColumn - 1))...], 0)
        }
        var start = whole.startIndex
        var column = 1
        var quotes = quoteDepth
        while start < whole.endIndex {
            if whole[start] == UInt8(ascii: " ") {
                column += 1
            } else if whole[start] == UInt8(ascii: "\t") {
                column += 4 - (column - 1) % 4
            } else if quotes > 0, whole[start] == UInt8(ascii: ">") {
                quotes -= 1
                column += 1
            } else {
                break
            }
            start += 1
        }
        return (whole[start...], max(0, column - firstColumn))
    }

    /// The character column (from 1) of byte offset `offset` in line `number`.
    func characterColumn(line number: Int, byteOffset offset: Int) -> Int {
        guard number >= 1, number <= starts.count else { return offset + 1 }
        return 1 + characters(line: number, fromByte: 0, toByte: offset)
    }

    /// How many characters start between two byte offsets of line `number`: the columns
    /// from one to the other.
    func characters(line number: Int, fromByte from: Int, toByte to: Int) -> Int {
        guard number >= 1, number <= starts.count else { return to - from }
        let start = starts[number - 1]
        let (low, high) = (min(bytes.count, start + from), min(bytes.count, start + to))
        // Every byte that does not continue a UTF-8 sequence starts a character.
        return bytes[low..<max(low, high)].reduce(0) { $0 + (($1 & 0xC0) == 0x80 ? 0 : 1) }
    }
}
