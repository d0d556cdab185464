/// Typographer's punctuation in the text of a tree: straight quotes become the language's
/// quotes (`"..."` → »...« in Danish, “...” in English, with the single marks inside), an
/// apostrophe becomes ’, `--` an en dash, `---` an em dash and `...` an ellipsis. Code,
/// raw HTML, HTML sitegen made and autolinks (whose text is a URL) are left as written.
public enum Typography {
    /// The quotation marks of a language: outer opening and closing, inner opening and closing.
    public struct Quotes: Sendable, Hashable {
        public var openDouble: Character
        public var closeDouble: Character
        public var openSingle: Character
        public var closeSingle: Character

        public init(_ openDouble: Character, _ closeDouble: Character, _ openSingle: Character, _ closeSingle: Character) {
            self.openDouble = openDouble
            self.closeDouble = closeDouble
            self.openSingle = openSingle
            self.closeSingle = closeSingle
        }

        /// Four characters in that order, e.g. `»«›‹`; nil for anything else.
        public init?(_ marks: String) {
            let characters = Array(marks)
            guard characters.count == 4 else { return nil }
            self.init(characters[0], characters[1], characters[2], characters[3])
        }

        public static let english = Quotes("“", "”", "‘", "’")
        public static let danish = Quotes("»", "«", "›", "‹")
    }

    public static func apply(_ blocks: [BlockNode], quotes: Quotes) -> [BlockNode] {
        blocks.rewritingInlines { inlines, _ in
            var typesetter = Typesetter(quotes: quotes)
            return typesetter.typeset(inlines, after: " ")
        }
    }
}

/// Walks one run of inlines in reading order, so a quote opened before emphasis closes after it.
private struct Typesetter {
    let quotes: Typography.Quotes
    /// The character before the one being set, across inline boundaries.
    var previous: Unicode.Scalar = " "
    /// The quotes open now, innermost last: `"` or `'`.
    var open: [Unicode.Scalar] = []

    init(quotes: Typography.Quotes) {
        self.quotes = quotes
    }

    /// nil when nothing changed. `after` is the character that follows these inlines.
    mutating func typeset(_ inlines: [InlineNode], after: Unicode.Scalar) -> [InlineNode]? {
        inlines.replacing { index, nodes in
            // Asked only of a text that ends in a mark.
            func next() -> Unicode.Scalar { index + 1 < nodes.count ? Self.firstCharacter(of: nodes[index + 1]) : after }
            switch nodes[index] {
            case .text(let text):
                return typeset(text, next: next).map { [.text($0)] }
            case .emphasis(let children), .strong(let children), .strikethrough(let children):
                return typeset(children, after: next()).map { [nodes[index].replacingChildren($0)] }
            case .link(let destination, _, let content, _) where Self.isAutolink(destination, content):
                previous = content.plainText.unicodeScalars.last ?? previous
            case .link(_, _, let content, _), .image(_, _, let content, _):
                return typeset(content, after: next()).map { [nodes[index].replacingChildren($0)] }
            case .code(let code):
                previous = code.unicodeScalars.last ?? previous
            case .softBreak, .lineBreak:
                previous = " "
            case .footnoteReference:
                previous = "1"
            case .html, .trustedHTML:
                break
            }
            return nil
        }
    }

    /// Works on the UTF-8 bytes: every mark it sets replaces an ASCII character, so the text
    /// between them is copied as it is, and only the scalars around a mark are decoded. A text
    /// with nothing to set gives nil. `after` is asked only when the text ends in a mark.
    private mutating func typeset(_ text: String, next after: () -> Unicode.Scalar) -> String? {
        return text.withUTF8Bytes { bytes in
            var output: [UInt8]?
            var copied = 0
            // `previous` is the mark set last when nothing has been copied since `setEnd`.
            var setEnd = 0
            var index = 0
            while index < bytes.count {
                // Eight bytes at a time past text with no byte from `"` to `.`: most of every text.
                if index + 8 <= bytes.count, !EightBytes(bytes, at: index).contains(in: UInt8(ascii: "\"")...UInt8(ascii: ".")) {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else {
                    index += 1
                    continue
                }
                if index > setEnd { previous = Self.scalar(in: bytes, endingAt: index) }
                func run(of character: UInt8) -> Int {
                    var end = index
                    while end < bytes.count, bytes[end] == character { end += 1 }
                    return end - index
                }
                let next = index + 1 < bytes.count ? Self.scalar(in: bytes, startingAt: index + 1) : after()
                var set = Unicode.Scalar(byte)
                var length = 1
                switch byte {
                case UInt8(ascii: "-") where run(of: byte) >= 2:
                    length = min(run(of: byte), 3)
                    set = length == 3 ? "—" : "–"
                case UInt8(ascii: ".") where run(of: byte) >= 3:
                    length = 3
                    set = "…"
                case UInt8(ascii: "\""):
                    set = double(next: next)
                case UInt8(ascii: "'"):
                    set = single(next: next)
                default:
                    break
                }
                if set != Unicode.Scalar(byte) {
                    if output == nil { output = []; output!.reserveCapacity(bytes.count + 16) }
                    output!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                    output!.append(contentsOf: UTF8.encode(set)!)
                    copied = index + length
                }
                previous = set
                index += length
                setEnd = index
            }
            if bytes.count > setEnd { previous = Self.scalar(in: bytes, endingAt: bytes.count) }
            guard var output else { return nil }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// The scalar whose last byte is just before `end` in valid UTF-8.
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Unicode.Scalar {
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(in: bytes, from: start, to: end)
    }

    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, startingAt start: Int) -> Unicode.Scalar {
        var end = start + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return scalar(in: bytes, from: start, to: end)
    }

    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Unicode.Scalar {
        var value = UInt32(bytes[start])
        if end - start > 1 {
            value &= 0xFF >> (end - start + 1)
            for index in start + 1..<end { value = value << 6 | UInt32(bytes[index] & 0x3F) }
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    private mutating func double(next: Unicode.Scalar) -> Unicode.Scalar {
        if opens(next: next) {
            open.append("\"")
            return quotes.openDouble.unicodeScalars.first!
        }
        if !previous.properties.isWhitespace {
            if open.last == "\"" { open.removeLast() }
            return quotes.closeDouble.unicodeScalars.first!
        }
        return "\""
    }

    private mutating func single(next: Unicode.Scalar) -> Unicode.Scalar {
        let apostrophe: Unicode.Scalar = "’"
        let afterWord = Self.isWordCharacter(previous)
        if afterWord, Self.isWordCharacter(next) { return apostrophe }
        if !previous.properties.isWhitespace, !opensAfter(previous), open.last == "'" {
            open.removeLast()
            return quotes.closeSingle.unicodeScalars.first!
        }
        if afterWord { return apostrophe }
        // ’90, ’erne: an apostrophe before a number.
        if opensAfter(previous), next.properties.numericType != nil { return apostrophe }
        if opens(next: next) {
            open.append("'")
            return quotes.openSingle.unicodeScalars.first!
        }
        return apostrophe
    }

    /// A quote opens after a space, an opening bracket or dash, or another opening quote,
    /// before text.
    private func opens(next: Unicode.Scalar) -> Bool {
        opensAfter(previous) && !next.properties.isWhitespace
    }

    private func opensAfter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace || "([{–—-/".unicodeScalars.contains(scalar) { return true }
        return [quotes.openDouble, quotes.openSingle].contains(Character(scalar))
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func firstCharacter(of node: InlineNode) -> Unicode.Scalar {
        switch node {
        case .text(let text), .code(let text): text.unicodeScalars.first ?? " "
        case .softBreak, .lineBreak: " "
        case .emphasis(let children), .strong(let children), .strikethrough(let children), .link(_, _, let children, _), .image(_, _, let children, _):
            children.first.map(firstCharacter) ?? " "
        case .html, .trustedHTML: "<"
        case .footnoteReference: "1"
        }
    }

    /// A link whose text is its own address, as written or made from a bare URL.
    private static func isAutolink(_ destination: String, _ content: [InlineNode]) -> Bool {
        // Most links hold one text node: read as it is, not joined into a new string.
        let text: String
        if content.count == 1, case .text(let only) = content[0] { text = only } else { text = content.plainText }
        // The joined strings only for a destination that starts so: each cost an allocation.
        return destination == text || destination.utf8.starts(with: "http://".utf8) && destination == "http://" + text
            || destination.utf8.starts(with: "mailto:".utf8) && destination == "mailto:" + text
    }
}
