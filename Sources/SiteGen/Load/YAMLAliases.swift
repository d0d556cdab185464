import Markdown
import Yams

/// A YAML alias (`*a`) repeats the node its anchor (`&a`) names, and aliases of lists of aliases
/// multiply: 425 bytes of front matter nested six deep ("billion laughs") made a million values
/// and took 768 MB to read, nine deep took the machine down. Yams shares a repeated node rather
/// than copying it, so the composed tree is as small as the text; this walks it once, adding up
/// what each alias would repeat, and finds the alias that takes the file past its budget before
/// anything is expanded.
struct YAMLAliases {
    /// Values the aliases of one file may repeat beyond the values the file writes out: enough
    /// for any sources or tags shared by anchor, far too few to exhaust memory.
    static let allowance = 10_000

    /// The alias that goes over budget, with its place in `yaml`, or nil when the aliases are fine.
    /// `parser` must be the one that composed `root`: Yams keeps anchors only while it lives.
    static func overrun(in root: Node, yaml: String, parser: Parser) -> (anchor: String, line: Int, column: Int)? {
        withExtendedLifetime(parser) {
            var walk = YAMLAliases(yaml: yaml)
            _ = walk.size(of: root)
            guard let (anchor, index) = walk.overrun else { return nil }
            let line = walk.lineStarts.lastIndex { $0 <= index } ?? 0
            return (anchor, line + 1, walk.scalars.distance(from: walk.lineStarts[line], to: index) + 1)
        }
    }

    /// An alias used as a key (`? *a` or `*a: x`), which this file also anchors. Yams compares a
    /// mapping's keys while it composes it, before `overrun` can look, and comparing an alias of
    /// nested aliases walks every value it repeats: seven deep took 47 s. sitegen's keys are
    /// names, so an alias key is refused before Yams reads the text. Found in the text, line by
    /// line; needing the anchor too keeps a `*Note:` in a Markdown body from counting.
    static func aliasKey(in yaml: String) -> (anchor: String, line: Int, column: Int)? {
        guard yaml.containsASCII(UInt8(ascii: "&")) else { return nil }
        for (number, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let characters = Array(line.unicodeScalars)
            for (index, character) in characters.enumerated() where character == "*" {
                let before = characters[..<index].last { $0 != " " && $0 != "\t" }
                guard index == 0 || " \t[{,".unicodeScalars.contains(characters[index - 1]) else { continue }
                let name = characters[(index + 1)...].prefix(while: isNameCharacter)
                guard !name.isEmpty else { continue }
                let rest = characters[(index + 1 + name.count)...].drop { $0 == " " || $0 == "\t" }
                let isImplicitKey = rest.first == ":" && (rest.count == 1 || " \t,}]".unicodeScalars.contains(rest[rest.startIndex + 1]))
                guard before == "?" || isImplicitKey else { continue }
                let anchor = String(String.UnicodeScalarView(name))
                if yaml.contains("&" + anchor) { return (anchor, number + 1, index + 1) }
            }
        }
        return nil
    }

    private let scalars: String.UnicodeScalarView
    /// Each node with an anchor, by the anchor object (a name may be anchored again later), and
    /// the number of values it holds with its aliases repeated.
    private var sizes: [ObjectIdentifier: Int] = [:]
    private var written = 0
    private var repeated = 0
    private var overrun: (anchor: String, at: String.Index)?
    /// Where the next alias is looked for in the text: Yams keeps no position for an alias, only
    /// for the node it repeats, so its `*name` is found after the last node or alias seen.
    private var lastMark: Mark?
    private var searchFrom: String.Index
    private lazy var lineStarts: [String.Index] = {
        var starts = [scalars.startIndex]
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let next = scalars.index(after: index)
            if scalars[index] == "\n" { starts.append(next) }
            index = next
        }
        return starts
    }()

    private init(yaml: String) {
        scalars = yaml.unicodeScalars
        searchFrom = scalars.startIndex
    }

    private mutating func size(of node: Node) -> Int {
        guard overrun == nil else { return 0 }
        if let anchor = node.anchor, let size = sizes[ObjectIdentifier(anchor)] {
            repeated = repeated.addingSaturated(size)
            let position = findAlias(anchor.rawValue)
            if repeated > Self.allowance.addingSaturated(written) { overrun = (anchor.rawValue, position) }
            return size
        }
        written += 1
        lastMark = node.mark
        var size = 1
        switch node {
        case .scalar, .alias: break
        case .sequence(let sequence):
            for item in sequence { size = size.addingSaturated(self.size(of: item)) }
        case .mapping(let mapping):
            for (key, value) in mapping { size = size.addingSaturated(self.size(of: key)).addingSaturated(self.size(of: value)) }
        }
        if let anchor = node.anchor { sizes[ObjectIdentifier(anchor)] = size }
        return size
    }

    /// Where the next `*name` stands.
    private mutating func findAlias(_ name: String) -> String.Index {
        if let mark = lastMark, mark.line >= 1, mark.line <= lineStarts.count {
            let lineStart = lineStarts[mark.line - 1]
            let markIndex = scalars.index(lineStart, offsetBy: max(0, mark.column - 1), limitedBy: scalars.endIndex) ?? scalars.endIndex
            searchFrom = max(searchFrom, markIndex)
            lastMark = nil
        }
        let token = Array(("*" + name).unicodeScalars)
        var index = searchFrom
        while index < scalars.endIndex {
            if scalars[index] == "*", scalars[index...].starts(with: token) {
                let end = scalars.index(index, offsetBy: token.count)
                if end == scalars.endIndex || !Self.isNameCharacter(scalars[end]) {
                    searchFrom = end
                    return index
                }
            }
            index = scalars.index(after: index)
        }
        return searchFrom
    }

    /// What libyaml allows in an anchor's name.
    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
    }
}

private extension Int {
    /// Sizes of nested aliases grow as powers: they must stop at the budget, not overflow.
    func addingSaturated(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}
