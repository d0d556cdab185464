/// GFM footnotes: `[^label]` in the text refers to a note written anywhere in it as
/// `[^label]: text` at the start of a line (continued by lines indented four spaces). cmark
/// does not know them and would read `[^1]: https://...` as a link definition, so the
/// parser hides each note's `[` from cmark (`FootnoteDefinitions.escape`), keeping every
/// byte where it was, and builds the notes from the paragraphs that start with the mark.
enum FootnoteDefinitions {
    /// Stands for the `[` of a note's `[^label]:` in the text cmark reads.
    static let mark: UInt8 = 0x01

    /// A `[^label]:` at the start of a line (indented three spaces at most).
    struct Candidate {
        var line: Int
        /// Byte offset of the `[` in the text.
        var offset: Int
    }

    /// Every line that looks like the start of a note; whether it is one depends on what
    /// cmark makes of the lines around it (a fenced code block may hold such a line).
    static func candidates(in bytes: [UInt8]) -> [Candidate] {
        // Every note starts `[^`: most texts have no `^` at all.
        guard bytes.index(of: UInt8(ascii: "^"), from: 0) != nil else { return [] }
        var result: [Candidate] = []
        var line = 1
        var lineStart = 0
        while lineStart < bytes.count {
            var position = lineStart
            while position < bytes.count, position - lineStart < 3, bytes[position] == UInt8(ascii: " ") { position += 1 }
            if label(in: bytes[position...], definition: true) != nil {
                result.append(Candidate(line: line, offset: position))
            }
            guard let newline = bytes.index(of: UInt8(ascii: "\n"), from: lineStart) else { break }
            lineStart = newline + 1
            line += 1
        }
        return result
    }

    /// The label of `[^label]` at the start of `bytes` (followed by `:` when `definition`),
    /// and how many bytes the whole takes.
    static func label(in bytes: ArraySlice<UInt8>, definition: Bool) -> (label: String, length: Int)? {
        let start = bytes.startIndex
        guard bytes.count >= 4, bytes[start] == UInt8(ascii: "[") || bytes[start] == mark, bytes[start + 1] == UInt8(ascii: "^") else {
            return nil
        }
        var end = start + 2
        while end < bytes.endIndex, isLabelByte(bytes[end]) { end += 1 }
        guard end > start + 2, end < bytes.endIndex, bytes[end] == UInt8(ascii: "]") else { return nil }
        let label = String(decoding: bytes[(start + 2)..<end], as: UTF8.self)
        if definition {
            guard end + 1 < bytes.endIndex, bytes[end + 1] == UInt8(ascii: ":") else { return nil }
            return (label, end + 2 - start)
        }
        return (label, end + 1 - start)
    }

    /// Notes are matched without regard to case, as link labels are.
    static func key(_ label: String) -> String {
        label.lowercased()
    }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte != UInt8(ascii: "[") && byte != UInt8(ascii: "]") && byte != 0x7F
    }
}

/// A note as written, before the text's references number it.
struct FootnoteDefinition {
    var label: String
    var blocks: [BlockNode]
    var position: SourcePosition
}

enum FootnoteReferences {
    /// False for a text that cannot hold a reference, which has a `^`.
    static func mayHold(_ text: String) -> Bool {
        text.containsASCII(UInt8(ascii: "^"))
    }

    /// The text with each `[^label]` of a known note made a reference (numbered later), or nil
    /// when it has none; `[^label]` without a note stays text and is reported.
    static func find(in text: String, known: Set<String>, position: SourcePosition, problems: inout [MarkdownProblem]) -> [InlineNode]? {
        guard mayHold(text) else { return nil }
        let bytes = Array(text.utf8)
        var nodes: [InlineNode] = []
        var copied = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "["), let (label, length) = FootnoteDefinitions.label(in: bytes[index...], definition: false) else {
                index += 1
                continue
            }
            let column = position.column + String(decoding: bytes[..<index], as: UTF8.self).unicodeScalars.count
            let at = SourcePosition(line: position.line, column: column)
            if known.contains(FootnoteDefinitions.key(label)) {
                if copied < index { nodes.append(.text(String(decoding: bytes[copied..<index], as: UTF8.self))) }
                nodes.append(.footnoteReference(label: label, number: 0, occurrence: 0, position: at))
                copied = index + length
            } else {
                problems.append(MarkdownProblem(.unknownFootnote(label: label), at: at))
            }
            index += length
        }
        guard !nodes.isEmpty else { return nil }
        if copied < bytes.count { nodes.append(.text(String(decoding: bytes[copied...], as: UTF8.self))) }
        return nodes
    }

    /// Numbers the notes in the order the text first refers to them (references in notes
    /// count after those in the text), and puts the notes referred to last in the document.
    /// Notes nobody refers to, and second notes with a label, are reported and left out.
    static func resolve(_ blocks: [BlockNode], definitions: [FootnoteDefinition], problems: inout [MarkdownProblem]) -> [BlockNode] {
        guard !definitions.isEmpty else { return blocks }
        var byKey: [String: Int] = [:]
        for (index, definition) in definitions.enumerated() {
            let key = FootnoteDefinitions.key(definition.label)
            if byKey[key] == nil {
                byKey[key] = index
            } else {
                problems.append(MarkdownProblem(.duplicateFootnote(label: definition.label), at: definition.position))
            }
        }
        // Definition index → (number, references so far), in the order numbers were given.
        var numbers: [Int: (number: Int, count: Int)] = [:]
        var order: [Int] = []
        func numbered(_ blocks: [BlockNode]) -> [BlockNode] {
            blocks.rewritingEachInline { inline in
                guard case .footnoteReference(let label, _, _, let position) = inline,
                      let definition = byKey[FootnoteDefinitions.key(label)] else { return nil }
                var entry = numbers[definition] ?? (order.count + 1, 0)
                if numbers[definition] == nil { order.append(definition) }
                entry.count += 1
                numbers[definition] = entry
                return [.footnoteReference(label: label, number: entry.number, occurrence: entry.count, position: position)]
            }
        }
        let text = numbered(blocks)
        var notes: [Footnote] = []
        var next = 0
        while next < order.count {
            let definition = definitions[order[next]]
            let noteBlocks = numbered(definition.blocks)
            notes.append(Footnote(label: definition.label, number: next + 1, references: 0, blocks: noteBlocks, position: definition.position))
            next += 1
        }
        for index in notes.indices { notes[index].references = numbers[order[index]]?.count ?? 0 }
        for index in byKey.values.sorted() where numbers[index] == nil {
            problems.append(MarkdownProblem(.unusedFootnote(label: definitions[index].label), at: definitions[index].position))
        }
        return notes.isEmpty ? text : text + [.footnotes(notes)]
    }
}
