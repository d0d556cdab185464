/// A read-only hash table keyed by a 64-bit fingerprint, which is already a good hash:
/// `Dictionary` would hash it again with SipHash for every word of every body.
struct FingerprintTable<Value: Sendable>: Sendable {
    private var keys: [UInt64] = []
    /// Index into `values` for each slot; -1 for an empty one.
    private var slots: [Int] = []
    private var values: [Value] = []
    private var mask = 0

    init(_ entries: [UInt64: Value]) {
        var size = 8
        while size < entries.count * 2 { size *= 2 }
        mask = size - 1
        keys = [UInt64](repeating: 0, count: size)
        slots = [Int](repeating: -1, count: size)
        for (key, value) in entries {
            var slot = Self.start(key, mask: mask)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            slots[slot] = values.count
            values.append(value)
        }
    }

    subscript(key: UInt64) -> Value? {
        var slot = Self.start(key, mask: mask)
        while slots[slot] >= 0 {
            if keys[slot] == key { return values[slots[slot]] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private static func start(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
    }
}
