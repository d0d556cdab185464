extension Array {
    /// Each element whose key no element before it has, in their order: for the few tags or
    /// places of one article or event, where a `Set` of them was an allocation for every item.
    func firstOccurrences<Key: Equatable>(by key: (Element) -> Key) -> [Element] {
        indices.filter { index in !self[..<index].contains { key($0) == key(self[index]) } }.map { self[$0] }
    }
}
