/// GFM's strikethrough: `~~text~~` (or `~text~`) among the inlines of one container, matched
/// like emphasis: a run of one or two tildes opens when left-flanking, closes when
/// right-flanking, and closes the nearest open run of the same length.
enum Strikethrough {
    /// The inlines with struck runs wrapped, or nil when there are none.
    static func apply(_ inlines: [InlineNode]) -> [InlineNode]? {
        // A tilde's byte first: it is absent from almost every text, and looking for the
        // character alone read every text grapheme by grapheme.
        guard inlines.contains(where: { if case .text(let text) = $0 { Self.hasTilde(text) } else { false } }) else { return nil }
        var items: [Item] = []
        for (index, node) in inlines.enumerated() {
            guard case .text(let text) = node, Self.hasTilde(text) else {
                items.append(.node(node))
                continue
            }
            let before = index > 0 ? InlineText.edge(of: inlines[index - 1], last: true) : " "
            let after = index + 1 < inlines.count ? InlineText.edge(of: inlines[index + 1], last: false) : " "
            items += split(text, before: before, after: after)
        }
        guard items.contains(where: { if case .run(_, let opens, let closes) = $0 { opens || closes } else { false } }) else { return nil }
        let matched = match(items)
        return matched.didStrike ? merged(matched.nodes) : nil
    }

    /// The same as `text.contains("~")`, which compares characters (a tilde with a combining
    /// mark is not one), but only for a text that has the byte.
    private static func hasTilde(_ text: String) -> Bool {
        text.containsASCII(UInt8(ascii: "~")) && text.contains("~")
    }

    private enum Item {
        case node(InlineNode)
        case run(length: Int, opens: Bool, closes: Bool)
    }

    /// Text cut into plain parts and runs of tildes, each run with what it can do.
    private static func split(_ text: String, before: Unicode.Scalar, after: Unicode.Scalar) -> [Item] {
        let scalars = Array(text.unicodeScalars)
        var items: [Item] = []
        var plain = ""
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "~" else {
                plain.unicodeScalars.append(scalars[index])
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, scalars[end] == "~" { end += 1 }
            let length = end - index
            let previous = index > 0 ? scalars[index - 1] : before
            let next = end < scalars.count ? scalars[end] : after
            if length <= 2 {
                if !plain.isEmpty { items.append(.node(.text(plain))) }
                plain = ""
                items.append(.run(length: length, opens: isLeftFlanking(previous, next), closes: isLeftFlanking(next, previous)))
            } else {
                plain += String(repeating: "~", count: length)
            }
            index = end
        }
        if !plain.isEmpty { items.append(.node(.text(plain))) }
        return items
    }

    /// CommonMark's left-flanking rule; with the neighbours swapped it is the right-flanking one.
    private static func isLeftFlanking(_ previous: Unicode.Scalar, _ next: Unicode.Scalar) -> Bool {
        guard !next.properties.isWhitespace else { return false }
        return !InlineText.isPunctuation(next) || previous.properties.isWhitespace || InlineText.isPunctuation(previous)
    }

    /// Pairs closing runs with the nearest open run of the same length; unmatched runs become text.
    private static func match(_ items: [Item]) -> (nodes: [InlineNode], didStrike: Bool) {
        // Each open run with the nodes that followed it until now.
        var stack: [(length: Int, nodes: [InlineNode])] = [(0, [])]
        var didStrike = false
        for item in items {
            switch item {
            case .node(let node):
                stack[stack.count - 1].nodes.append(node)
            case .run(let length, let opens, let closes):
                if closes, let opener = stack.indices.dropFirst().last(where: { stack[$0].length == length }) {
                    // Runs opened after the matching one stay text inside the struck part.
                    var inner = stack[opener].nodes
                    for level in stack[(opener + 1)...] {
                        inner.append(.text(String(repeating: "~", count: level.length)))
                        inner += level.nodes
                    }
                    stack.removeSubrange(opener...)
                    // Struck text inside struck text looks the same; unnested, alternating `~`
                    // and `~~` cannot build a tree deeper than the parser's limit.
                    let flat = inner.flatMap { node -> [InlineNode] in
                        if case .strikethrough(let children) = node { return children }
                        return [node]
                    }
                    stack[stack.count - 1].nodes.append(.strikethrough(merged(flat)))
                    didStrike = true
                } else if opens {
                    stack.append((length, []))
                } else {
                    stack[stack.count - 1].nodes.append(.text(String(repeating: "~", count: length)))
                }
            }
        }
        var nodes: [InlineNode] = []
        for level in stack {
            if level.length > 0 { nodes.append(.text(String(repeating: "~", count: level.length))) }
            nodes += level.nodes
        }
        return (nodes, didStrike)
    }

    /// Joins neighbouring text nodes.
    static func merged(_ nodes: [InlineNode]) -> [InlineNode] {
        var result: [InlineNode] = []
        for node in nodes {
            if case .text(let text) = node, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + text)
            } else if case .text(let text) = node, text.isEmpty {
                continue
            } else {
                result.append(node)
            }
        }
        return result
    }
}
