#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Whether the text holds the ASCII byte `byte`, by `memchr`: the extensions ask this of
    /// every text node before they look closer, and `utf8.contains` compared byte by byte
    /// through the generic sequence code (2 % of a large build).
    public func containsASCII(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// Whether the text holds `needle`, an ASCII string, by `memchr` for its first byte: with
    /// Foundation in scope, `contains` on two strings goes through `NSString`.
    public func containsASCII(_ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard count > 0 else { return true }
        var text = self
        return text.withUTF8 { bytes in
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
