/// A set of the numbers below `count`, one bit each: asking whether a number is in it is a
/// shift and a mask, for the questions asked of every byte, scalar or word of every text
/// (which bytes a URL keeps, which scalars are letters, which words may start a glossary name).
public struct BitTable: Sendable {
    @usableFromInline var words: [UInt64]
    /// The numbers the table can hold: 0 up to this.
    public let count: Int

    /// Empty.
    public init(count: Int) {
        self.count = count
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    /// The numbers below `count` that `isMember` accepts, asked once each.
    public init(count: Int, where isMember: (Int) -> Bool) {
        self.init(count: count)
        for number in 0..<count where isMember(number) { insert(number) }
    }

    /// False for a number past the table.
    @inlinable
    public func contains(_ number: Int) -> Bool {
        number >= 0 && number < count && words[number >> 6] & (1 << UInt64(number & 63)) != 0
    }

    public mutating func insert(_ number: Int) {
        precondition(number >= 0 && number < count, "\(number) is past a BitTable of \(count)")
        words[number >> 6] |= 1 << UInt64(number & 63)
    }
}
