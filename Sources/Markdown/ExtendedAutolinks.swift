/// GFM's extended autolinks: `www.` addresses, `http://`, `https://` and `ftp://` URLs and
/// email addresses written as plain text become links, with the rules of the GFM spec for
/// where they start and which trailing characters they leave out.
enum ExtendedAutolinks {
    /// The text as inlines with its autolinks made links, or nil when it has none.
    /// `startsAfterDelimiter`: whether the character before the text lets a link start there
    /// (the start of a line, a space, `*`, `_`, `~` or `(`).
    static func link(_ text: String, startsAfterDelimiter: Bool, position: SourcePosition) -> [InlineNode]? {
        guard mayHold(text) else { return nil }
        let scalars = Array(text.unicodeScalars)
        var nodes: [InlineNode] = []
        var copied = 0
        var index = 0
        while index < scalars.count {
            if let (start, end, destination) = match(scalars, at: index, startsAfterDelimiter: startsAfterDelimiter), start >= copied {
                if copied < start { nodes.append(.text(string(scalars[copied..<start]))) }
                let linkText = string(scalars[start..<end])
                nodes.append(.link(destination: destination + linkText, title: "", content: [.text(linkText)],
                                   position: SourcePosition(line: position.line, column: position.column + start)))
                copied = end
                index = end
            } else {
                index += 1
            }
        }
        guard !nodes.isEmpty else { return nil }
        if copied < scalars.count { nodes.append(.text(string(scalars[copied...]))) }
        return nodes
    }

    /// False for a text that cannot hold an autolink: every one has a `.` and an `@`, `www.`
    /// or `://`. Most sentences end in a full stop, so the first alone let almost every text
    /// through to be read scalar by scalar. By `memchr`, once for each: every text node of
    /// every body is asked.
    static func mayHold(_ text: String) -> Bool {
        text.containsASCII(UInt8(ascii: ".")) && (text.containsASCII(UInt8(ascii: "@")) || text.containsASCII("://") || text.containsASCII("www."))
    }

    /// An autolink that starts at `index` (or, for an email address, whose `@` is at `index`):
    /// its range and the scheme its destination gets in front of its text.
    private static func match(_ scalars: [Unicode.Scalar], at index: Int, startsAfterDelimiter: Bool) -> (Int, Int, String)? {
        let scalar = scalars[index]
        if scalar == "@" { return email(scalars, at: index) }
        guard scalar == "w" || scalar == "h" || scalar == "f" else { return nil }
        let boundary = index == 0 ? startsAfterDelimiter : isDelimiter(scalars[index - 1])
        guard boundary else { return nil }
        if hasPrefix(scalars, "www.", at: index) {
            guard let domainEnd = domain(scalars, from: index) else { return nil }
            return (index, trimmed(scalars, from: index, to: path(scalars, from: domainEnd)), "http://")
        }
        for scheme in ["http://", "https://", "ftp://"] where hasPrefix(scalars, scheme, at: index) {
            let hostStart = index + scheme.unicodeScalars.count
            guard let domainEnd = domain(scalars, from: hostStart) else { return nil }
            return (index, trimmed(scalars, from: index, to: path(scalars, from: domainEnd)), "")
        }
        return nil
    }

    /// The end of a valid domain starting at `start`: segments of letters, digits, `_` and `-`
    /// separated by `.`, at least one `.`, no `_` in the last two segments.
    private static func domain(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var end = start
        var periods = 0
        var underscores = (last: false, beforeLast: false)
        while end < scalars.count {
            let scalar = scalars[end]
            if scalar == "." {
                periods += 1
                underscores = (false, underscores.last)
            } else if scalar == "_" {
                underscores.last = true
            } else if scalar != "-", !isHostCharacter(scalar) {
                break
            }
            end += 1
        }
        // A final `.` ends the sentence, not the domain.
        while end > start, scalars[end - 1] == "." {
            end -= 1
            periods -= 1
        }
        guard end > start, periods > 0, !underscores.last, !underscores.beforeLast else { return nil }
        return end
    }

    /// After the domain: everything up to a space or `<`.
    private static func path(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var end = start
        while end < scalars.count, !scalars[end].properties.isWhitespace, scalars[end] != "<" { end += 1 }
        return end
    }

    /// Leaves out trailing punctuation, an entity-like `&name;` and unbalanced `)`.
    private static func trimmed(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> Int {
        var end = end
        while end > start {
            let last = scalars[end - 1]
            if "?!.,:*_~'\"".unicodeScalars.contains(last) {
                end -= 1
            } else if last == ";" {
                var ampersand = end - 2
                while ampersand > start, isASCIIAlphanumeric(scalars[ampersand]) { ampersand -= 1 }
                end = ampersand >= start && scalars[ampersand] == "&" && ampersand < end - 2 ? ampersand : end - 1
            } else if last == ")" {
                let opening = scalars[start..<end].filter { $0 == "(" }.count
                let closing = scalars[start..<end].filter { $0 == ")" }.count
                guard closing > opening else { break }
                end -= 1
            } else {
                break
            }
        }
        return end
    }

    /// `local@domain.tld` around the `@` at `at`.
    private static func email(_ scalars: [Unicode.Scalar], at: Int) -> (Int, Int, String)? {
        var start = at
        while start > 0, isLocalCharacter(scalars[start - 1]) { start -= 1 }
        guard start < at else { return nil }
        var end = at + 1
        var periods = 0
        while end < scalars.count, isASCIIAlphanumeric(scalars[end]) || "-_.".unicodeScalars.contains(scalars[end]) {
            if scalars[end] == "." { periods += 1 }
            end += 1
        }
        while end > at + 1, scalars[end - 1] == "." {
            end -= 1
            periods -= 1
        }
        guard end > at + 1, periods > 0, scalars[end - 1] != "-", scalars[end - 1] != "_" else { return nil }
        return (start, end, "mailto:")
    }

    private static func hasPrefix(_ scalars: [Unicode.Scalar], _ prefix: String, at index: Int) -> Bool {
        var position = index
        for scalar in prefix.unicodeScalars {
            guard position < scalars.count, scalars[position] == scalar else { return false }
            position += 1
        }
        return true
    }

    private static func isDelimiter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || "*_~(".unicodeScalars.contains(scalar)
    }

    private static func isHostCharacter(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.properties.isWhitespace && !InlineText.isPunctuation(scalar)
    }

    private static func isLocalCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(scalar) || ".-_+".unicodeScalars.contains(scalar)
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar))
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }
}

/// What the inline extensions need to know about characters, as CommonMark defines them.
enum InlineText {
    /// ASCII punctuation and Unicode's punctuation categories.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.contains(scalar)
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// The first or last character a reader sees of an inline, as the delimiter rules see it:
    /// markup around text (`*`, `[`, a backtick) counts as punctuation, a line break as a space.
    static func edge(of node: InlineNode, last: Bool) -> Unicode.Scalar {
        switch node {
        case .text(let text):
            return (last ? text.unicodeScalars.last : text.unicodeScalars.first) ?? " "
        case .softBreak, .lineBreak:
            return " "
        case .emphasis, .strong, .strikethrough, .link, .image, .code, .html, .trustedHTML, .footnoteReference:
            return last ? "]" : "["
        }
    }
}
