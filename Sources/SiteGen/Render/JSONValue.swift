/// A JSON value written by sitegen itself: keys sorted, numbers as given, so the output is
/// byte-identical from run to run (Foundation's number formatting differs across platforms).
enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    /// A number already formatted, e.g. a coordinate rounded to five decimals.
    case number(String)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])
    /// JSON text sitegen wrote before, such as an event's slide kept from the last build.
    case raw(String)

    /// Compact JSON with sorted keys. `<`, `>` and `&` are written as `\u003c` etc., so the
    /// text is safe inside an HTML `<script>` element: content can never close it.
    var text: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .string(let text): Self.writeString(text, into: &out)
        case .int(let value): out += String(value)
        case .number(let text), .raw(let text): out += text
        case .bool(let value): out += value ? "true" : "false"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                Self.writeString(key, into: &out)
                out += ":"
                members[key]!.write(into: &out)
            }
            out += "}"
        }
    }

    /// Copies the runs between escaped characters whole: event texts, HTML and all, go
    /// through here for every event page and export. What is escaped is ASCII or U+2028/2029
    /// (E2 80 A8/A9), so every cut falls between characters.
    private static func writeString(_ text: String, into out: inout String) {
        out += "\""
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            let byte = utf8[index]
            var next = utf8.index(after: index)
            let escape: String
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "\n"): escape = "\\n"
            case UInt8(ascii: "\r"): escape = "\\r"
            case UInt8(ascii: "\t"): escape = "\\t"
            // Written out, not made with `hex4`: a body's HTML has two of these in every tag.
            case UInt8(ascii: "<"): escape = "\\u003c"
            case UInt8(ascii: ">"): escape = "\\u003e"
            case UInt8(ascii: "&"): escape = "\\u0026"
            case _ where byte < 0x20: escape = "\\u" + hex4(UInt32(byte))
            case 0xE2:
                let rest = utf8[next...].prefix(2)
                guard rest.count == 2, rest.first == 0x80, let last = rest.last, last == 0xA8 || last == 0xA9 else {
                    index = next
                    continue
                }
                escape = "\\u" + hex4(last == 0xA8 ? 0x2028 : 0x2029)
                next = rest.endIndex
            default:
                index = next
                continue
            }
            out += text[runStart..<index]
            out += escape
            (runStart, index) = (next, next)
        }
        out += text[runStart...]
        out += "\""
    }

    /// A JSON string literal, escaped as `text` escapes strings.
    static func quoted(_ text: String) -> String {
        var out = ""
        writeString(text, into: &out)
        return out
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
