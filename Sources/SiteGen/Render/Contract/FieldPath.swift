/// The places of the fields a name goes through, one in each value: `date.iso` is the place
/// of `date` in the page's fields, then of `iso` in the date's. Packed into one integer, not
/// kept in an array: a page reads a hundred of them, and an array's retain and release on
/// each read were a large share of rendering it.
struct FieldPath: Sendable, Hashable {
    /// The count in the low byte, then a byte per place.
    private var packed: UInt64

    /// As deep as a name may go, and as many fields as a value may have.
    static let maximumCount = 7
    static let maximumPlace = 255

    /// nil when the path is longer than `maximumCount` or a place is past `maximumPlace`.
    init?(_ places: [Int]) {
        guard places.count <= Self.maximumCount, places.allSatisfy({ (0...Self.maximumPlace).contains($0) }) else { return nil }
        packed = UInt64(places.count)
        for (position, place) in places.enumerated() { packed |= UInt64(place) << (8 * (position + 1)) }
    }

    private init(packed: UInt64) {
        self.packed = packed
    }

    var count: Int { Int(packed & 0xFF) }
    var isEmpty: Bool { count == 0 }
    /// The place in the outermost value; only for a path that is not empty.
    var first: Int { Int((packed >> 8) & 0xFF) }

    /// The places after the first.
    func dropFirst() -> FieldPath {
        guard count > 0 else { return self }
        return FieldPath(packed: ((packed >> 16) << 8) | UInt64(count - 1))
    }

    /// The first place alone.
    func prefixOne() -> FieldPath {
        guard count > 0 else { return self }
        return FieldPath(packed: (packed & 0xFF00) | 1)
    }
}
