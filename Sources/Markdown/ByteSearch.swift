#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Calls `body` with the text's UTF-8 bytes, read where they are. `withUTF8` needs a `var`,
    /// and the copy made for it of a `let` is a retain and a release, on every text node of
    /// every body, several times over.
    @inlinable
    public func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }

    /// Whether the text holds the ASCII byte `byte`, by `memchr`: the extensions ask this of
    /// every text node before they look closer, and `utf8.contains` compared byte by byte
    /// through the generic sequence code (2 % of a large build).
    public func containsASCII(_ byte: UInt8) -> Bool {
        return withUTF8Bytes { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// Whether the text holds `needle`, an ASCII string, by `memchr` for its first byte: with
    /// Foundation in scope, `contains` on two strings goes through `NSString`.
    public func containsASCII(_ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard count > 0 else { return true }
        return withUTF8Bytes { bytes in
            guard var start = bytes.baseAddress else { return false }
            let end = start + bytes.count
            while end - start >= count, let found = memchr(start, Int32(needle.utf8Start.pointee), end - start) {
                let candidate = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                if end - candidate >= count, memcmp(candidate, needle.utf8Start, count) == 0 { return true }
                start = candidate + 1
            }
            return false
        }
    }
}

extension Array where Element == UInt8 {
    /// Where the next `byte` is from `start` on, by `memchr`: the line scans of every text
    /// compared byte by byte through the generic `firstIndex(of:)`.
    func index(of byte: UInt8, from start: Int) -> Int? {
        guard start < count else { return nil }
        return withUnsafeBufferPointer { bytes in
            memchr(bytes.baseAddress! + start, Int32(byte), count - start).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress! }
        }
    }
}

/// Eight bytes of text read as one integer, so that a test looks at all eight at once: the
/// scans every text goes through skip the runs of plain letters, most of it, eight at a time.
public struct EightBytes {
    @usableFromInline let word: UInt64
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes from `index`, which must be no closer than eight to the end.
    @inlinable
    public init(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) {
        word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
    }

    /// Whether one of them is `byte`.
    @inlinable
    public func contains(_ byte: UInt8) -> Bool {
        let zeroWhereEqual = word ^ (Self.ones &* UInt64(byte))
        return (zeroWhereEqual &- Self.ones) & ~zeroWhereEqual & Self.highBits != 0
    }

    /// Whether one of them is below `limit`, at most 0x80.
    @inlinable
    public func contains(below limit: UInt8) -> Bool {
        (word &- Self.ones &* UInt64(limit)) & ~word & Self.highBits != 0
    }

    /// Whether one of them lies in `range`, which lies in 0x01...0x7E: a byte above 0x7F never counts.
    @inlinable
    public func contains(in range: ClosedRange<UInt8>) -> Bool {
        assert(range.lowerBound > 0 && range.upperBound < 0x7F)
        // Strictly between the bytes just outside the range.
        let (low, high) = (UInt64(range.lowerBound) - 1, UInt64(range.upperBound) + 1)
        let ascii = word & (Self.ones &* 0x7F)
        return (Self.ones &* (0x7F + high) &- ascii) & ~word & (ascii &+ Self.ones &* (0x7F - low)) & Self.highBits != 0
    }
}
