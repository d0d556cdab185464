/// The shape nearly every front matter has, read without libyaml: one `key: value` per line,
/// each value a plain word or phrase, a quoted string without escapes, or a flat list of such
/// (`[lpg, økonomi]`). Yams builds a parser, its events and a node tree for every file, a
/// twentieth of a large site's build; this reads the common shape in one pass and returns nil
/// for anything else (indentation, block lists, comments, escapes, empty values, a key written
/// twice, ...), which Yams then reads and reports. Both give the same values at the same lines
/// and columns, which `FlatYAMLTests` compares on every front matter of the example site.
enum FlatYAML {
    static func parse(_ yaml: String, path: String, firstLine: Int) -> YAMLValue? {
        guard !yaml.isEmpty else { return nil }
        var entries: [YAMLEntry] = []
        var keys = Set<String>()
        var lineNumber = firstLine
        for line in yaml.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            guard let entry = Line(Array(line), location: SourceLocation(path: path, line: lineNumber, column: 1))?.entry(),
                  keys.insert(entry.key).inserted else { return nil }
            entries.append(entry)
            lineNumber += 1
        }
        return YAMLValue(kind: .mapping(entries), location: SourceLocation(path: path, line: firstLine, column: 1))
    }

    /// One line's UTF-8 bytes; columns count characters from 1, as libyaml's do.
    private struct Line {
        let bytes: [UInt8]
        let location: SourceLocation

        /// Nil for a line with a tab, a control character or one libyaml treats specially.
        init?(_ bytes: [UInt8], location: SourceLocation) {
            guard bytes.indices.allSatisfy({ Self.isPrintable(bytes, at: $0) }) else { return nil }
            self.bytes = bytes
            self.location = location
        }

        /// `key: value`, the value starting at once and not ending in a space.
        func entry() -> YAMLEntry? {
            guard let first = bytes.first, first &- 0x61 < 26 else { return nil }
            var index = 1
            while index < bytes.count, Self.isKeyByte(bytes[index]) { index += 1 }
            guard index + 2 < bytes.count, bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == 0x20, bytes[index + 2] != 0x20,
                  bytes.last != 0x20, let value = value(from: index + 2, to: bytes.count) else { return nil }
            return YAMLEntry(key: text(0, index), keyLocation: location, value: value)
        }

        private func value(from start: Int, to end: Int) -> YAMLValue? {
            switch bytes[start] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                return quoted(start, end).map { YAMLValue(kind: .scalar($0, quoted: true), location: at(start)) }
            case UInt8(ascii: "["):
                guard end - start >= 3, bytes[end - 1] == UInt8(ascii: "]") else { return nil }
                var items: [YAMLValue] = []
                var itemStart = start + 1
                while true {
                    // An item runs to the next `,` (a quoted one to its closing quote), then `, ` or the `]`.
                    var itemEnd = itemStart
                    let opening = bytes[itemStart]
                    if opening == UInt8(ascii: "{") {
                        // `{name: Zakon, via: Reuters}`: a source with who passed it on.
                        guard let close = bytes[(itemStart + 1)..<(end - 1)].firstIndex(of: UInt8(ascii: "}")),
                              let mapping = flowMapping(itemStart, close + 1) else { return nil }
                        itemEnd = close + 1
                        items.append(mapping)
                    } else if opening == UInt8(ascii: "\"") || opening == UInt8(ascii: "'") {
                        guard let close = bytes[(itemStart + 1)..<(end - 1)].firstIndex(of: opening) else { return nil }
                        itemEnd = close + 1
                        guard let string = quoted(itemStart, itemEnd) else { return nil }
                        items.append(YAMLValue(kind: .scalar(string, quoted: true), location: at(itemStart)))
                    } else {
                        while itemEnd < end - 1, bytes[itemEnd] != UInt8(ascii: ",") { itemEnd += 1 }
                        guard isPlain(itemStart, itemEnd, inList: true) else { return nil }
                        items.append(YAMLValue(kind: .scalar(text(itemStart, itemEnd), quoted: false), location: at(itemStart)))
                    }
                    if itemEnd == end - 1 { break }
                    guard itemEnd + 2 < end - 1, bytes[itemEnd] == UInt8(ascii: ","), bytes[itemEnd + 1] == 0x20 else { return nil }
                    itemStart = itemEnd + 2
                }
                return YAMLValue(kind: .sequence(items), location: at(start))
            default:
                guard isPlain(start, end, inList: false) else { return nil }
                return YAMLValue(kind: .scalar(text(start, end), quoted: false), location: at(start))
            }
        }

        /// `{key: value, key: value}` from `start` to `end` (its braces), each key as a line's
        /// key and each value plain or quoted as a list's item, one space after each `:` and `,`
        /// and none inside the braces; nil for anything else (nesting, spaces, a key twice).
        private func flowMapping(_ start: Int, _ end: Int) -> YAMLValue? {
            var entries: [YAMLEntry] = []
            var keyStart = start + 1
            while true {
                guard keyStart < end - 1, bytes[keyStart] &- 0x61 < 26 else { return nil }
                var keyEnd = keyStart + 1
                while keyEnd < end - 1, Self.isKeyByte(bytes[keyEnd]) { keyEnd += 1 }
                let valueStart = keyEnd + 2
                guard valueStart < end - 1, bytes[keyEnd] == UInt8(ascii: ":"), bytes[keyEnd + 1] == 0x20 else { return nil }
                let value: YAMLValue
                var valueEnd = valueStart
                let opening = bytes[valueStart]
                if opening == UInt8(ascii: "\"") || opening == UInt8(ascii: "'") {
                    guard let close = bytes[(valueStart + 1)..<(end - 1)].firstIndex(of: opening), let string = quoted(valueStart, close + 1) else { return nil }
                    valueEnd = close + 1
                    value = YAMLValue(kind: .scalar(string, quoted: true), location: at(valueStart))
                } else {
                    while valueEnd < end - 1, bytes[valueEnd] != UInt8(ascii: ",") { valueEnd += 1 }
                    guard isPlain(valueStart, valueEnd, inList: true) else { return nil }
                    value = YAMLValue(kind: .scalar(text(valueStart, valueEnd), quoted: false), location: at(valueStart))
                }
                let key = text(keyStart, keyEnd)
                guard !entries.contains(where: { $0.key == key }) else { return nil }
                entries.append(YAMLEntry(key: key, keyLocation: at(keyStart), value: value))
                if valueEnd == end - 1 { break }
                guard valueEnd + 2 < end - 1, bytes[valueEnd] == UInt8(ascii: ","), bytes[valueEnd + 1] == 0x20 else { return nil }
                keyStart = valueEnd + 2
            }
            return YAMLValue(kind: .mapping(entries), location: at(start))
        }

        /// `"text"` or `'text'` with no quote or backslash inside: its text as written.
        private func quoted(_ start: Int, _ end: Int) -> String? {
            guard end - start >= 2, bytes[end - 1] == bytes[start] else { return nil }
            let inner = bytes[(start + 1)..<(end - 1)]
            guard !inner.contains(bytes[start]), !inner.contains(UInt8(ascii: "\\")) else { return nil }
            return text(start + 1, end - 1)
        }

        /// A plain value YAML reads as the text written: it starts with a letter, a digit or a
        /// character beyond Latin-1's punctuation, holds no comment, no `: ` and no brackets, and
        /// has single spaces between words; in a list also no `:`, `,` or quotes.
        private func isPlain(_ start: Int, _ end: Int, inList: Bool) -> Bool {
            guard end > start else { return false }
            let first = bytes[start]
            guard first &- 0x30 < 10 || (first | 0x20) &- 0x61 < 26 || first >= 0xC3,
                  bytes[end - 1] != 0x20, bytes[end - 1] != UInt8(ascii: ":") else { return false }
            var previous: UInt8 = 0x20
            for byte in bytes[start..<end] {
                switch byte {
                case UInt8(ascii: "#"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"): return false
                case 0x20: if previous == 0x20 || previous == UInt8(ascii: ":") { return false }
                case UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "'"): if inList { return false }
                default: break
                }
                previous = byte
            }
            return true
        }

        private func text(_ start: Int, _ end: Int) -> String {
            String(decoding: bytes[start..<end], as: UTF8.self)
        }

        /// The place of the byte at `offset`: its column counts the characters before it.
        private func at(_ offset: Int) -> SourceLocation {
            var place = location
            place.column = 1 + bytes[..<offset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            return place
        }

        private static func isKeyByte(_ byte: UInt8) -> Bool {
            byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }

        /// Characters libyaml takes as they are anywhere on a line: no tab or other control
        /// (C1 controls are C2 80-9F), none of the line and paragraph separators (E2 80 A8-A9)
        /// or the byte-order mark and non-characters (EF BB BF, EF BF BE-BF) it treats specially.
        private static func isPrintable(_ bytes: [UInt8], at index: Int) -> Bool {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x7F { return false }
            guard byte >= 0xC2, byte <= 0xEF, index + 1 < bytes.count else { return true }
            let next = bytes[index + 1]
            switch byte {
            case 0xC2: return next >= 0xA0
            case 0xE2: return !(next == 0x80 && index + 2 < bytes.count && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9))
            case 0xEF:
                guard index + 2 < bytes.count else { return true }
                return !(next == 0xBB && bytes[index + 2] == 0xBF) && !(next == 0xBF && bytes[index + 2] >= 0xBE)
            default: return true
            }
        }
    }
}
