/// Escaping rules shared by everything that writes HTML, so content can never become markup.
public enum HTMLEscaping {
    /// Escapes text for element content and double-quoted attribute values (sitegen writes no
    /// single-quoted ones), as cmark does: apostrophes stay readable in the source.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Percent-encodes what may not stand in an href, keeping existing escapes, as cmark does.
    public static func escapeURL(_ url: String) -> String {
        var result = ""
        result.reserveCapacity(url.utf8.count)
        for byte in url.utf8 {
            switch byte {
            case 0x26: result += "&amp;"
            case 0x27: result += "&#x27;"
            case _ where isKeptInURL(byte): result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%"
                result += hexDigits[Int(byte >> 4)]
                result += hexDigits[Int(byte & 0xF)]
            }
        }
        return result
    }

    /// `javascript:`, `vbscript:`, `file:` and non-image `data:` URLs run code or read files: never link them.
    public static func isDangerousURL(_ url: String) -> Bool {
        let lowered = url.trimmingLeadingWhitespace().lowercased()
        if lowered.hasPrefix("data:") {
            let allowedImages = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
            return !allowedImages.contains(where: lowered.hasPrefix)
        }
        return lowered.hasPrefix("javascript:") || lowered.hasPrefix("vbscript:") || lowered.hasPrefix("file:")
    }

    private static let hexDigits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]

    private static func isKeptInURL(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-_.+!*(),%#@?=;:/$~".utf8.contains(byte)
        }
    }
}

extension String {
    fileprivate func trimmingLeadingWhitespace() -> Substring {
        drop(while: { $0.isWhitespace })
    }
}
