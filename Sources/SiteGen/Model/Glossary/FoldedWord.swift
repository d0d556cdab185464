/// A word that compares and hashes regardless of case. Its fingerprint is the one
/// `TextWords` computes while reading text, so a word of text is looked up without
/// making a string of it.
struct FoldedWord: Hashable, Sendable {
    /// FNV-1a of the lowercased scalars.
    let fingerprint: UInt64
    /// The lowercased scalars, which a word of text is compared with.
    let folded: [UInt32]

    init(_ text: some StringProtocol) {
        var folded: [UInt32] = []
        for scalar in text.unicodeScalars { Self.fold(scalar.value) { folded.append($0) } }
        self.folded = folded
        fingerprint = folded.reduce(Self.emptyFingerprint, Self.fingerprint)
    }

    static func == (lhs: FoldedWord, rhs: FoldedWord) -> Bool {
        lhs.fingerprint == rhs.fingerprint && lhs.folded == rhs.folded
    }

    /// Whether the word at `word` in valid UTF-8 text is the word whose lowercased scalars are
    /// `folded`, regardless of case: the glossary reads every body's words from their bytes,
    /// and this makes no string of them. Static, on plain memory: a word's own array, counted
    /// in and out around every comparison, cost more than the comparison.
    static func spells(_ folded: UnsafeBufferPointer<UInt32>, _ word: TextWords.Word, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = 0
        var offset = word.start
        while offset < word.end {
            let (scalar, length) = TextWords.decode(bytes, at: offset)
            if scalar <= 0xFF {
                guard position < folded.count, folded[position] == latin1Lowercase(scalar) else { return false }
                position += 1
            } else {
                var same = true
                fold(scalar) { value in
                    if same, position < folded.count, folded[position] == value { position += 1 } else { same = false }
                }
                guard same else { return false }
            }
            offset += length
        }
        return position == folded.count
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(fingerprint)
    }

    static let emptyFingerprint: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func fingerprint(_ hash: UInt64, adding value: UInt32) -> UInt64 {
        (hash ^ UInt64(value)) &* 0x100_0000_01b3
    }

    /// Lower case, scalar by scalar: Latin letters (with æ, ø, å) by arithmetic, others by Unicode.
    @inline(__always)
    static func fold(_ value: UInt32, _ emit: (UInt32) -> Void) {
        guard value > 0xFF, let scalar = Unicode.Scalar(value) else { return emit(latin1Lowercase(value)) }
        for lower in scalar.properties.lowercaseMapping.unicodeScalars { emit(lower.value) }
    }

    @inline(__always)
    private static func latin1Lowercase(_ value: UInt32) -> UInt32 {
        let isCapital = value &- 0x41 < 26 || (value &- 0xC0 < 31 && value != 0xD7)
        return isCapital ? value + 0x20 : value
    }
}
