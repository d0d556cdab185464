import Markdown

/// The words of running text, as the glossary matches them: runs of letters and digits.
/// A hyphen or apostrophe between two letters belongs to the word, so a Danish compound
/// (`LPG-prisen`) or a genitive (`LPG's`) is one word, and a term never matches part of it.
enum TextWords {
    /// A word as UTF-8 offsets into its text, with the fingerprint of its lowercased letters.
    struct Word {
        var start: Int
        var end: Int
        var fingerprint: UInt64
    }

    /// One pass over the UTF-8 bytes, folding case as it goes: every word of every body is
    /// read here, so it makes no strings.
    static func words(in text: String) -> [Word] {
        text.withUTF8Bytes { words(in: $0) }
    }

    /// The words of valid UTF-8.
    static func words(in bytes: UnsafeBufferPointer<UInt8>) -> [Word] {
        var words: [Word] = []
        self.words(in: bytes, into: &words)
        return words
    }

    /// The words of valid UTF-8, in place of what `words` held: a reader of many texts keeps one array.
    static func words(in bytes: UnsafeBufferPointer<UInt8>, into words: inout [Word]) {
        words.removeAll(keepingCapacity: true)
        var start: Int?
        var fingerprint = FoldedWord.emptyFingerprint
        var offset = 0
        while offset < bytes.count {
            let byte = UInt32(bytes[offset])
            // An ASCII letter or digit, most of any text, without decoding or a call to fold it.
            if byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 {
                if start == nil {
                    start = offset
                    fingerprint = FoldedWord.emptyFingerprint
                }
                fingerprint = FoldedWord.fingerprint(fingerprint, adding: byte &- 0x41 < 26 ? byte + 0x20 : byte)
                offset += 1
                continue
            }
            let (scalar, length) = decode(bytes, at: offset)
            let next = offset + length
            if isWord(scalar) || (start != nil && isJoiner(scalar) && next < bytes.count && isWord(decode(bytes, at: next).scalar)) {
                if start == nil {
                    start = offset
                    fingerprint = FoldedWord.emptyFingerprint
                }
                FoldedWord.fold(scalar) { fingerprint = FoldedWord.fingerprint(fingerprint, adding: $0) }
            } else if let wordStart = start {
                words.append(Word(start: wordStart, end: offset, fingerprint: fingerprint))
                start = nil
            }
            offset = next
        }
        if let start { words.append(Word(start: start, end: bytes.count, fingerprint: fingerprint)) }
    }

    /// The words of a name, for filing it the way text is read.
    static func words(of name: String) -> [Substring] {
        words(in: name).map { name[range(of: $0, in: name)] }
    }

    static func range(of word: Word, in text: String) -> Range<String.Index> {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: word.start)
        return start..<utf8.index(start, offsetBy: word.end - word.start)
    }

    /// Whether only spaces separate two words of a phrase (`flydende gas`), not punctuation.
    static func onlySpaces(between first: Word, and second: Word, in text: String) -> Bool {
        text.withUTF8Bytes { onlySpaces(between: first, and: second, in: $0) }
    }

    static func onlySpaces(between first: Word, and second: Word, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let gap = bytes[first.end..<second.start]
        guard !gap.isEmpty else { return false }
        var previous: UInt8 = 0
        // Space, tab, or a no-break space (C2 A0).
        return gap.allSatisfy { byte in
            defer { previous = byte }
            return byte == 0x20 || byte == 0x09 || byte == 0xC2 || (byte == 0xA0 && previous == 0xC2)
        }
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool { isWord(scalar.value) }

    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool { isJoiner(scalar.value) }

    // Plain comparisons: range patterns in a `switch` cost a metadata lookup per call here.
    private static func isWord(_ value: UInt32) -> Bool {
        if value < 0x80 { return value &- 0x30 < 10 || (value | 0x20) &- 0x61 < 26 }
        if value >= 0xC0, value <= 0xFF { return value != 0xD7 && value != 0xF7 }
        // Quotes, dashes and no-break spaces (Latin-1 and General Punctuation) are most of the
        // rest of a text: a table of them, made from Unicode's answers, instead of asking each time.
        if value < UInt32(commonWords.count) { return commonWords.contains(Int(value)) }
        return isWordByUnicode(value)
    }

    private static func isWordByUnicode(_ value: UInt32) -> Bool {
        guard let properties = Unicode.Scalar(value)?.properties else { return false }
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }

    /// `isWordByUnicode` for every scalar below U+2080.
    private static let commonWords = BitTable(count: 0x2080) { isWordByUnicode(UInt32($0)) }

    private static func isJoiner(_ value: UInt32) -> Bool {
        value == 0x2D || value == 0x27 || value == 0x2019 || value == 0x2010 || value == 0x2011
    }

    /// The scalar at `offset` of valid UTF-8, as Swift strings always are, and its length in bytes.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (scalar: UInt32, length: Int) {
        let lead = UInt32(bytes[offset])
        func continuation(_ index: Int) -> UInt32 { UInt32(bytes[offset + index]) & 0x3F }
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | continuation(1), 2) }
        if lead < 0xF0 { return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3) }
        return ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
    }
}
