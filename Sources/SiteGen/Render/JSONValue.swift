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

    private static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += "\\u" + hex4(scalar.value)
            case _ where scalar.value < 0x20:
                out += "\\u" + hex4(scalar.value)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
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
