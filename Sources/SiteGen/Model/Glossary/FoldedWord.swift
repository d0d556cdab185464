/// A word that compares and hashes regardless of case, so looking up each word of a text
/// needs no lowercased copy of it: the glossary looks up every word of every body.
struct FoldedWord: Hashable, Sendable {
    let text: Substring
    /// FNV-1a of the lowercased scalars: computed once, it lets a dictionary probe turn
    /// away a different word without reading it again.
    private let fingerprint: UInt64

    init(_ text: some StringProtocol) {
        self.text = Substring(text)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        Self.fold(self.text) { value in
            hash = (hash ^ UInt64(value)) &* 0x100_0000_01b3
        }
        fingerprint = hash
    }

    static func == (lhs: FoldedWord, rhs: FoldedWord) -> Bool {
        guard lhs.fingerprint == rhs.fingerprint else { return false }
        var left: [UInt32] = []
        var right: [UInt32] = []
        fold(lhs.text) { left.append($0) }
        fold(rhs.text) { right.append($0) }
        return left == right
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(fingerprint)
    }

    /// Lower case, scalar by scalar: Latin letters (with æ, ø, å) by arithmetic, others by Unicode.
    private static func fold(_ text: Substring, _ emit: (UInt32) -> Void) {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: emit(scalar.value + 0x20)
            case 0...0xFF: emit(scalar.value)
            default: for lower in scalar.properties.lowercaseMapping.unicodeScalars { emit(lower.value) }
            }
        }
    }
}
