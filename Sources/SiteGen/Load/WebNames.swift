/// Names that become part of a web address: file names, event ids, tags, source names and
/// place ids. A name Slug cannot spell in a-z and 0-9 (`🔥.md`, `id: "!!!"`) would make an
/// empty address and overwrite the index page of its section, so it is an error where it was
/// written, never a silent overwrite.
enum WebNames {
    static func noSlugMessage(_ text: String, what: String, fix: String) -> String {
        "\(what) `\(text)` has no letters or digits to make a web address from; \(fix)"
    }

    /// Place ids are written into addresses as they are (`/kort/almaty/`), not made into slugs.
    static func isPlaceID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
            && id.utf8.contains { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
    }

    static func placeIDMessage(_ id: String) -> String {
        let rule = "is part of web addresses, so it may hold only a–z, 0–9, `-` and `_`"
        if id.isEmpty { return "the place id \(rule), and this one is empty; write the id before the place's keys, e.g. `almaty:`" }
        let slug = Slug.make(id)
        return "place id `\(id)` \(rule)\(slug.isEmpty ? "" : "; did you mean `\(slug)`?")"
    }
}

extension FieldReader {
    /// The slug of `text`, or nil after reporting at `location` that it has none.
    mutating func slug(of text: String, at location: SourceLocation, what: String, fix: String) -> String? {
        let slug = Slug.make(text)
        guard slug.isEmpty else { return slug }
        report(.error(location, WebNames.noSlugMessage(text, what: what, fix: fix)))
        return nil
    }

    /// `tags`, leaving out (and reporting) any that cannot name a tag page.
    mutating func tags() -> [String] {
        locatedStrings("tags").compactMap { tag in
            slug(of: tag.value, at: tag.location, what: "the tag", fix: "write it with letters, e.g. `protester`").map { _ in tag.value }
        }
    }
}
