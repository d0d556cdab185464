import Markdown

/// A body after glossary linking, with the terms it links to (by hand or automatically).
struct LinkedBody: Sendable {
    var body: Body
    /// Indices into `Site.terms`, ascending.
    var mentions: [Int]
}

/// Links the first use of each glossary term in a body to the term's entry. Works on the
/// Markdown tree, text node by text node: headings, links, code and images are left alone,
/// and a page never links to itself.
struct TermLinker {
    private let index: TermIndex
    private let ownTerm: Int?
    private let autolinks: Bool
    /// Terms the page links to so far, automatically or by hand; only a first use links.
    private var linked = Set<Int>()
    /// The words of the text being read, kept for the next text's.
    private var scratch: [TextWords.Word] = []

    /// `ownTerm`: the term whose entry this body is.
    static func link(_ body: Body, index: TermIndex, ownTerm: Int? = nil) -> LinkedBody {
        var linker = TermLinker(index: index, ownTerm: ownTerm, autolinks: body.linksTerms)
        var linkedBody = body
        linkedBody.document.blocks = body.document.blocks.rewritingInlines { inlines, container in
            switch container {
            case .paragraph, .tableCell, .caption:
                return linker.link(inlines, before: { nil }, after: { nil })
            case .heading:
                // Headings are never linked, but a term linked by hand there counts as used.
                linker.noteLinks(in: inlines)
                return nil
            }
        }
        return LinkedBody(body: linkedBody, mentions: linker.linked.sorted())
    }

    private init(index: TermIndex, ownTerm: Int?, autolinks: Bool) {
        self.index = index
        self.ownTerm = ownTerm
        self.autolinks = autolinks
    }

    // Each function returns nil when it links nothing, so a body without terms is not copied.

    /// `before` and `after` give the characters just outside these inlines, so that a word
    /// boundary holds across emphasis: `**LPG**s` is not a use of `LPG`. They are asked only
    /// when a name starts or ends at an edge: finding each node's neighbours' characters
    /// ahead of time was a good share of the glossary's time.
    private mutating func link(_ inlines: [InlineNode], before: () -> Unicode.Scalar?, after: () -> Unicode.Scalar?) -> [InlineNode]? {
        Self.mergingText(inlines).replacing { position, nodes in
            func left() -> Unicode.Scalar? { position == 0 ? before() : Self.edge(of: nodes[position - 1], last: true) }
            func right() -> Unicode.Scalar? { position == nodes.count - 1 ? after() : Self.edge(of: nodes[position + 1], last: false) }
            switch nodes[position] {
            case .text(let text) where autolinks:
                return link(text, before: left, after: right)
            case .emphasis(let children):
                return link(children, before: left, after: right).map { [.emphasis($0)] }
            case .strong(let children):
                return link(children, before: left, after: right).map { [.strong($0)] }
            case .strikethrough(let children):
                return link(children, before: left, after: right).map { [.strikethrough($0)] }
            case .link:
                noteLinks(in: [nodes[position]])
                return nil
            default:
                return nil
            }
        }
    }

    private mutating func link(_ text: String, before: () -> Unicode.Scalar?, after: () -> Unicode.Scalar?) -> [InlineNode]? {
        // The words go into one array for the whole body, not a new one for each text.
        var words = scratch
        scratch = []
        // `withUTF8` on a copy, not `withUTF8Bytes`: through that one this closure was no longer
        // inlined, and the glossary took two fifths longer.
        var contiguous = text
        let found = contiguous.withUTF8 { bytes in
            TextWords.words(in: bytes, into: &words)
            return index.scalars.withUnsafeBufferPointer { scalars in
                names(words, in: bytes, text: text, scalars: scalars, before: before, after: after)
            }
        }
        scratch = words
        guard !found.isEmpty else { return nil }
        let utf8 = text.utf8
        var nodes: [InlineNode] = []
        var copied = text.startIndex
        for (phrase, start, end) in found {
            guard phrase.term != ownTerm, linked.insert(phrase.term).inserted else { continue }
            let range = utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)
            if copied < range.lowerBound { nodes.append(.text(String(text[copied..<range.lowerBound]))) }
            nodes.append(linkNode(phrase, text: text[range]))
            copied = range.upperBound
        }
        guard !nodes.isEmpty else { return nil }
        if copied < text.endIndex { nodes.append(.text(String(text[copied...]))) }
        return nodes
    }

    /// Every name the text spells, left to right, with where it starts and ends in the bytes.
    /// The longest name found at a word is the one used, even when its term is linked already.
    private func names(_ words: [TextWords.Word], in bytes: UnsafeBufferPointer<UInt8>, text: String, scalars: UnsafeBufferPointer<UInt32>, before: () -> Unicode.Scalar?,
                       after: () -> Unicode.Scalar?) -> [(phrase: TermIndex.Phrase, start: Int, end: Int)] {
        var found: [(phrase: TermIndex.Phrase, start: Int, end: Int)] = []
        var next = 0
        while next < words.count {
            let first = next
            next += 1
            guard let (phrase, last) = match(words: words, at: first, in: bytes, text: text, scalars: scalars, before: before, after: after) else { continue }
            next = last + 1
            found.append((phrase, words[first].start, words[last].end))
        }
        return found
    }

    /// The longest name that the words from `first` on spell; returns it with its last word.
    private func match(words: [TextWords.Word], at first: Int, in bytes: UnsafeBufferPointer<UInt8>, text: String, scalars: UnsafeBufferPointer<UInt32>,
                       before: () -> Unicode.Scalar?, after: () -> Unicode.Scalar?) -> (TermIndex.Phrase, Int)? {
        guard index.mayStartName(words[first].fingerprint) else { return nil }
        if first + 1 < words.count,
           let longer = index.longerNames[TermIndex.pairKey(words[first].fingerprint, words[first + 1].fingerprint)],
           let found = match(longer, words: words, at: first, in: bytes, text: text, scalars: scalars, before: before, after: after) {
            return found
        }
        guard let single = index.singleWords[words[first].fingerprint] else { return nil }
        return match(single, words: words, at: first, in: bytes, text: text, scalars: scalars, before: before, after: after)
    }

    private func match(_ phrases: [TermIndex.Phrase], words: [TextWords.Word], at first: Int, in bytes: UnsafeBufferPointer<UInt8>,
                       text: String, scalars: UnsafeBufferPointer<UInt32>, before: () -> Unicode.Scalar?, after: () -> Unicode.Scalar?) -> (TermIndex.Phrase, Int)? {
        if words[first].start == 0, Self.continuesWord(before()) { return nil }
        // Through the buffer and by index, the words compared in place: copying a phrase, or
        // a word of it, retained and released every word in it, for every candidate.
        return phrases.withUnsafeBufferPointer { phrases in
            for number in phrases.indices {
                guard phrases[number].first.fingerprint == words[first].fingerprint, TermIndex.spells(phrases[number].first, words[first], in: bytes, scalars: scalars) else { continue }
                let last = first + phrases[number].rest.count
                guard last < words.count else { continue }
                if words[last].end == bytes.count, Self.continuesWord(after()) { continue }
                var matches = true
                var offset = 0
                while matches, offset < phrases[number].rest.count {
                    let (previous, current) = (words[first + offset], words[first + offset + 1])
                    matches = current.fingerprint == phrases[number].rest[offset].fingerprint && TextWords.onlySpaces(between: previous, and: current, in: bytes)
                        && TermIndex.spells(phrases[number].rest[offset], current, in: bytes, scalars: scalars)
                    offset += 1
                }
                // Rare (acronyms), and compared as text: as the name was written.
                if matches, let exact = phrases[number].exact {
                    matches = exact.indices.allSatisfy { text[TextWords.range(of: words[first + $0], in: text)] == exact[$0] }
                }
                if matches { return (phrases[number], last) }
            }
            return nil
        }
    }

    private func linkNode(_ phrase: TermIndex.Phrase, text: Substring) -> InlineNode {
        var content: [InlineNode] = [.text(String(text))]
        if phrase.exact != nil {
            let title = HTMLEscaping.escape(index.abbreviationTitles[phrase.term])
            content = [.trustedHTML("<abbr title=\"\(title)\">"), .text(String(text.dropLast(phrase.ending.count))), .trustedHTML("</abbr>")]
            if !phrase.ending.isEmpty { content.append(.text(String(text.suffix(phrase.ending.count)))) }
        }
        // Made by sitegen, so it has no place in the source.
        return .link(destination: index.paths[phrase.term], title: "", content: content, position: SourcePosition(line: 0, column: 0))
    }

    /// Links written by hand to a term's entry count as its use on this page.
    private mutating func noteLinks(in inlines: [InlineNode]) {
        // The walk collects the destinations and the index is asked after: a closure that used
        // the index copied the whole of it (a retain of each of its tables) for every heading and link.
        var destinations: [String] = []
        inlines.forEachInline { inline in
            if case .link(let destination, _, _, _) = inline { destinations.append(destination) }
        }
        for destination in destinations {
            if let term = index.term(linkedBy: destination), term != ownTerm { linked.insert(term) }
        }
    }

    private static func continuesWord(_ scalar: Unicode.Scalar?) -> Bool {
        scalar.map { TextWords.isWordScalar($0) || TextWords.isJoiner($0) } ?? false
    }

    /// The first or last character a reader sees of an inline; nil for one that shows no text.
    private static func edge(of node: InlineNode, last: Bool) -> Unicode.Scalar? {
        switch node {
        case .text(let text), .code(let text):
            return last ? text.unicodeScalars.last : text.unicodeScalars.first
        case .softBreak, .lineBreak:
            return " "
        case .emphasis(let children), .strong(let children), .strikethrough(let children), .link(_, _, let children, _):
            return (last ? children.last : children.first).flatMap { edge(of: $0, last: last) }
        case .image, .html, .trustedHTML, .footnoteReference:
            return nil
        }
    }

    /// cmark splits text at characters that might start markup (`'`, `[`); one node per run
    /// lets a name such as `LPG's` match.
    private static func mergingText(_ inlines: [InlineNode]) -> [InlineNode] {
        let hasAdjacentText = inlines.indices.dropFirst().contains { position in
            if case .text = inlines[position], case .text = inlines[position - 1] { return true }
            return false
        }
        guard hasAdjacentText else { return inlines }
        var result: [InlineNode] = []
        result.reserveCapacity(inlines.count)
        for inline in inlines {
            if case .text(let text) = inline, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + text)
            } else {
                result.append(inline)
            }
        }
        return result
    }
}
