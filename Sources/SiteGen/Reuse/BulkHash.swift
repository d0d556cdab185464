/// A fast 64-bit hash of long runs of bytes (a body's source, its HTML), for `Fingerprint`:
/// every text of a build is hashed, and `Hasher`'s SipHash costs several times as much per
/// byte. Sixteen bytes per step, folded by a 128-bit multiply (the scheme of wyhash).
/// Not for keys an attacker picks: fingerprints only say whether an editor's text changed.
enum BulkHash {
    private static let primes: (UInt64, UInt64, UInt64) = (0xa076_1d64_78bd_642f, 0xe703_7ed1_a0b4_28db, 0x8ebc_6af0_9c88_c6e3)

    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        // No 8 bytes of valid UTF-8 equal the first prime (it has continuation bytes after
        // ASCII), so no word of text zeroes a multiply and loses what came before it.
        var state = UInt64(truncatingIfNeeded: count) ^ primes.1
        var offset = 0
        while offset + 16 <= count {
            state = mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ primes.0,
                        bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self) ^ state)
            offset += 16
        }
        var tail = (UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &tail) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset...])) }
        state = mix(tail.0 ^ primes.0, tail.1 ^ state ^ primes.2)
        return mix(state ^ primes.0, UInt64(truncatingIfNeeded: count) ^ primes.2)
    }

    @inline(__always)
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }
}
