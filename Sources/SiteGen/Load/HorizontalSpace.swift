extension StringProtocol {
    /// Without the spaces and tabs at either end: what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` gives, but without a trip through `NSString` for
    /// every field of every file, and without a copy when there is nothing to trim.
    func trimmingHorizontalSpace() -> Substring {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return Substring(self) }
        if !first.isHorizontalSpace, !last.isHorizontalSpace { return Substring(self) }
        guard let start = scalars.firstIndex(where: { !$0.isHorizontalSpace }) else { return Substring(self)[endIndex...] }
        let end = scalars.lastIndex(where: { !$0.isHorizontalSpace })!
        return Substring(self)[start...end]
    }

    /// Whether there is nothing but spaces and tabs.
    var isHorizontalSpace: Bool {
        unicodeScalars.allSatisfy(\.isHorizontalSpace)
    }
}

extension Unicode.Scalar {
    /// A tab, a space of any width (Unicode's space separators) or a zero-width space: the
    /// scalars of Foundation's `CharacterSet.whitespaces`.
    var isHorizontalSpace: Bool {
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        return value == 0x200B || properties.generalCategory == .spaceSeparator
    }
}
