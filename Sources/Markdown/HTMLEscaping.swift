/// Escaping rules shared by everything that writes HTML, so content can never become markup.
public enum HTMLEscaping {
    /// Escapes text for element content and double-quoted attribute values (sitegen writes no
    /// single-quoted ones), as cmark does: apostrophes stay readable in the source.
    public static func escape(_ text: String) -> String {
        // Most text has nothing to escape: then it is returned as it is, uncopied.
        let escaped: [UInt8]? = text.withUTF8Bytes { bytes in
            guard bytes.contains(where: isEscaped) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            appendEscaped(bytes, to: &output)
            return output
        }
        return escaped.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// One pass over UTF-8 bytes, copying the runs between escaped characters.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var start = 0
        for index in 0..<bytes.count {
            let entity: StaticString
            switch bytes[index] {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22: entity = "&quot;"
            default: continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            entity.withUTF8Buffer { output.append(contentsOf: $0) }
            start = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    private static func isEscaped(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22
    }

    /// Percent-encodes what may not stand in an href, keeping existing escapes, as cmark does.
    public static func escapeURL(_ url: String) -> String {
        // Most URLs need nothing: they come back as they are, without a byte-by-byte copy.
        guard !url.utf8.allSatisfy(isKeptInURL) else { return url }
        var result: [UInt8] = []
        result.reserveCapacity(url.utf8.count + 16)
        for byte in url.utf8 {
            switch byte {
            case 0x26: result.append(contentsOf: "&amp;".utf8)
            case 0x27: result.append(contentsOf: "&#x27;".utf8)
            case _ where isKeptInURL(byte): result.append(byte)
            default: result.append(contentsOf: [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `javascript:`, `vbscript:`, `file:` and non-image `data:` URLs run code or read files: never link them.
    public static func isDangerousURL(_ url: String) -> Bool {
        // A path, a fragment or a query has no scheme: most links of a site, answered from their
        // first byte, not from a lowered copy of their head made for every link of every body.
        if let first = url.utf8.first, first == UInt8(ascii: "/") || first == UInt8(ascii: "#") || first == UInt8(ascii: "?") {
            return false
        }
        // Only the head can hold a scheme: lowering a whole long URL was most of the cost of this.
        let lowered = url.trimmingLeadingWhitespace().prefix(16).lowercased()
        if lowered.hasPrefix("data:") {
            let allowedImages = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
            return !allowedImages.contains(where: lowered.hasPrefix)
        }
        return lowered.hasPrefix("javascript:") || lowered.hasPrefix("vbscript:") || lowered.hasPrefix("file:")
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func isKeptInURL(_ byte: UInt8) -> Bool {
        keptInURL.contains(Int(byte))
    }

    /// The ASCII bytes a URL keeps as it is: letters, digits and `-_.+!*(),%#@?=;:/$~`. Every
    /// link of every body is escaped, so this is a lookup, not a search.
    private static let keptInURL: BitTable = {
        let kept = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.+!*(),%#@?=;:/$~".utf8)
        return BitTable(count: 0x80) { kept.contains(UInt8($0)) }
    }()
}

extension String {
    fileprivate func trimmingLeadingWhitespace() -> Substring {
        drop(while: { $0.isWhitespace })
    }
}
