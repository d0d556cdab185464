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
}
