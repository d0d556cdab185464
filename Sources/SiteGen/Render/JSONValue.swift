import Markdown

/// A JSON value written by sitegen itself: keys sorted, numbers as given, so the output is
/// byte-identical from run to run (Foundation's number formatting differs across platforms).
enum JSONValue: Sendable, Equatable {
    case string(String)
    /// A string already in UTF-8, such as a rendered body: written without becoming a `String`.
    case utf8([UInt8])
    case int(Int)
    /// A number already formatted, e.g. a coordinate rounded to five decimals.
    case number(String)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])
    /// JSON text sitegen wrote before, in UTF-8, such as an event's slide kept from the last build.
    case raw([UInt8])

    /// Compact JSON with sorted keys. `<`, `>` and `&` are written as `\u003c` etc., so the
    /// text is safe inside an HTML `<script>` element: content can never close it.
    var text: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The same in UTF-8, as the exports are written: built as bytes, not by appending to a
    /// `String`, which checked and counted every piece again.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        write(into: &out)
        return out
    }

    func write(into out: inout [UInt8]) {
        switch self {
        case .string(let text): Self.writeString(text, into: &out)
        case .utf8(let bytes): bytes.withUnsafeBufferPointer { Self.writeString($0, into: &out) }
        case .int(let value): out += String(value).utf8
        case .number(let text): out += text.utf8
        case .raw(let bytes): out += bytes
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                members[key]!.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func writeString(_ text: String, into out: inout [UInt8]) {
        text.withUTF8Bytes { writeString($0, into: &out) }
    }

    /// Copies the runs between escaped characters whole: event texts, HTML and all, go
    /// through here for every event page and export. What is escaped is ASCII or U+2028/2029
    /// (E2 80 A8/A9), so every cut falls between characters.
    static func writeString(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var next = index + 1
            let escape: StaticString
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "\n"): escape = "\\n"
            case UInt8(ascii: "\r"): escape = "\\r"
            case UInt8(ascii: "\t"): escape = "\\t"
            // Written out: a body's HTML has two of these in every tag.
            case UInt8(ascii: "<"): escape = "\\u003c"
            case UInt8(ascii: ">"): escape = "\\u003e"
            case UInt8(ascii: "&"): escape = "\\u0026"
            case _ where byte < 0x20:
                out += bytes[runStart..<index]
                out += ("\\u" + hex4(UInt32(byte))).utf8
                (runStart, index) = (next, next)
                continue
            case 0xE2:
                guard index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 else {
                    index = next
                    continue
                }
                escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                next = index + 3
            default:
                index = next
                continue
            }
            out += bytes[runStart..<index]
            escape.withUTF8Buffer { out += $0 }
            (runStart, index) = (next, next)
        }
        out += bytes[runStart...]
        out.append(UInt8(ascii: "\""))
    }

    /// A JSON string literal, escaped as `text` escapes strings.
    static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        writeString(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A coordinate as a JSON number: at most five decimals (about a metre), no exponent, no
    /// trailing zeros (`76.92`, `-0.5`, `43`), the same on every platform.
    static func coordinate(_ value: Double) -> String {
        let scaled = Int((value * 100_000).rounded())
        let sign = scaled < 0 ? "-" : ""
        let whole = abs(scaled) / 100_000
        var fraction = String(abs(scaled) % 100_000)
        fraction = String(repeating: "0", count: 5 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
