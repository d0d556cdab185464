/// Which version of its file a piece of content was read from, so `sitegen serve` can tell
/// what an edit changed and reuse the rest of the last build (`BuildMemo`). `meta` covers
/// everything but the body (the path and the front matter), `text` the body; an event in an
/// event data file gets the whole file for both. Hashes: equal within one process, never
/// written anywhere, so Swift's per-process seed does no harm.
public struct SourceStamp: Sendable, Hashable {
    public var meta: Int
    public var text: Int

    public init(meta: Int = 0, text: Int = 0) {
        self.meta = meta
        self.text = text
    }

    /// A Markdown file: the front matter and the body apart, so a change to the text alone
    /// leaves the lists that show only the title and date as they were.
    static func markdown(path: String, frontMatter: String, body: String) -> SourceStamp {
        var meta = Fingerprint()
        meta.add(text: "markdown")
        meta.add(text: path)
        meta.add(text: frontMatter)
        return SourceStamp(meta: meta.value, text: Fingerprint.of(text: body))
    }

    /// A data file, hashed once for all its items.
    static func dataFile(path: String, text: String) -> Int {
        var fingerprint = Fingerprint()
        fingerprint.add(text: "data")
        fingerprint.add(text: path)
        fingerprint.add(text: text)
        return fingerprint.value
    }

    /// The `number`th item of a data file: any change to the file changes every item in it.
    static func dataItem(file: Int, number: Int) -> SourceStamp {
        let stamp = Fingerprint.of(file, number)
        return SourceStamp(meta: stamp, text: stamp)
    }
}

/// A hash of several values at once, the unit every reuse key is made of.
struct Fingerprint {
    private var hasher = Hasher()

    mutating func add<Value: Hashable>(_ value: Value) {
        hasher.combine(value)
    }

    /// Text as its UTF-8 bytes: `String`'s own hashing normalises Unicode first, which is
    /// several times slower and buys nothing for text sitegen itself made.
    mutating func add(text: String) {
        hasher.combine(text.withUTF8Bytes { BulkHash.hash(UnsafeRawBufferPointer($0)) })
    }

    mutating func add(bytes: [UInt8]) {
        hasher.combine(bytes.withUnsafeBytes(BulkHash.hash))
    }

    var value: Int { hasher.finalize() }

    static func of(_ values: any Hashable...) -> Int {
        var fingerprint = Fingerprint()
        for value in values { fingerprint.hasher.combine(value) }
        return fingerprint.value
    }

    static func of(text: String) -> Int {
        var fingerprint = Fingerprint()
        fingerprint.add(text: text)
        return fingerprint.value
    }
}
