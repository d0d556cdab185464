/// The values of `id="…"` attributes in HTML, read the one way for both the templates (the ids
/// a text must not take) and the rendered pages (where `#fragment` links may point).
enum IDAttributes {
    static func values(in text: String) -> [String] {
        text.withUTF8Bytes { values(in: $0) }
    }

    /// One pass over the bytes: a page of thousands of events has thousands of ids, and
    /// searching the rest of the text as a `String` for each was quadratic. A value with no
    /// closing quote is no attribute, as to a browser.
    static func values(in html: UnsafeBufferPointer<UInt8>) -> [String] {
        let marker = Array(" id=\"".utf8)
        var values: [String] = []
        var index = 0
        while index + marker.count <= html.count {
            guard marker.indices.allSatisfy({ html[index + $0] == marker[$0] }) else {
                index += 1
                continue
            }
            let start = index + marker.count
            guard let close = html[start...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            values.append(String(decoding: UnsafeBufferPointer(rebasing: html[start..<close]), as: UTF8.self))
            index = close
        }
        return values
    }
}
