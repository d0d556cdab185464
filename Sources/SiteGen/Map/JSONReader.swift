/// JSON read into plain values, for the country outlines: twenty thousand numbers, which
/// Foundation's `JSONSerialization` (and the `NSNumber` it makes of each) took a tenth of a
/// small site's build to read. Numbers are read as `Double` does, correctly rounded, as
/// `JSONSerialization` reads them.
enum JSONReader {
    indirect enum Value: Equatable {
        case object([String: Value])
        case array([Value])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null

        subscript(key: String) -> Value? {
            if case .object(let members) = self { members[key] } else { nil }
        }

        var string: String? {
            if case .string(let text) = self { text } else { nil }
        }

        var array: [Value]? {
            if case .array(let items) = self { items } else { nil }
        }

        var number: Double? {
            if case .number(let number) = self { number } else { nil }
        }

        /// An object whose values are all strings.
        var stringValues: [String: String]? {
            guard case .object(let members) = self else { return nil }
            var strings: [String: String] = [:]
            for (key, value) in members {
                guard let string = value.string else { return nil }
                strings[key] = string
            }
            return strings
        }
    }

    /// The value the bytes hold, or nil when they are not one JSON value (with space around it).
    static func parse(_ bytes: [UInt8]) -> Value? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            guard let value = reader.value(depth: 0) else { return nil }
            reader.skipSpace()
            return reader.offset == buffer.count ? value : nil
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0

        /// Deeper than any outline file goes; a file that nests further is not read.
        static let maximumDepth = 64

        mutating func skipSpace() {
            while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
        }

        mutating func value(depth: Int) -> Value? {
            skipSpace()
            guard offset < bytes.count, depth < Self.maximumDepth else { return nil }
            switch bytes[offset] {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string().map(Value.string)
            case UInt8(ascii: "t"): return word("true", .bool(true))
            case UInt8(ascii: "f"): return word("false", .bool(false))
            case UInt8(ascii: "n"): return word("null", .null)
            default: return number()
            }
        }

        private mutating func object(depth: Int) -> Value? {
            offset += 1
            var members: [String: Value] = [:]
            skipSpace()
            if take(UInt8(ascii: "}")) { return .object(members) }
            repeat {
                skipSpace()
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\""), let key = string() else { return nil }
                skipSpace()
                guard take(UInt8(ascii: ":")), let value = value(depth: depth + 1) else { return nil }
                members[key] = value
                skipSpace()
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}")) ? .object(members) : nil
        }

        private mutating func array(depth: Int) -> Value? {
            offset += 1
            var items: [Value] = []
            skipSpace()
            if take(UInt8(ascii: "]")) { return .array(items) }
            repeat {
                guard let item = value(depth: depth + 1) else { return nil }
                items.append(item)
                skipSpace()
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? .array(items) : nil
        }

        private mutating func take(_ byte: UInt8) -> Bool {
            guard offset < bytes.count, bytes[offset] == byte else { return false }
            offset += 1
            return true
        }

        private mutating func word(_ word: StaticString, _ value: Value) -> Value? {
            let length = word.utf8CodeUnitCount
            guard offset + length <= bytes.count,
                  word.withUTF8Buffer({ $0.elementsEqual(UnsafeBufferPointer(rebasing: bytes[offset..<offset + length])) }) else { return nil }
            offset += length
            return value
        }

        /// JSON's number syntax checked here: `Double` alone would also take `inf` or `0x1p3`.
        private mutating func number() -> Value? {
            let start = offset
            func digits() -> Bool {
                let first = offset
                while offset < bytes.count, bytes[offset] &- UInt8(ascii: "0") < 10 { offset += 1 }
                return offset > first
            }
            _ = take(UInt8(ascii: "-"))
            let integer = offset
            guard digits() else { return nil }
            // No leading zero: `0` and `0.5`, never `01`.
            if bytes[integer] == UInt8(ascii: "0"), offset - integer > 1 { return nil }
            if take(UInt8(ascii: ".")), !digits() { return nil }
            if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
                _ = take(UInt8(ascii: "+")) || take(UInt8(ascii: "-"))
                guard digits() else { return nil }
            }
            return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)).map(Value.number)
        }

        /// A string from its opening quote; nil at bytes that are not UTF-8 or a bad escape.
        private mutating func string() -> String? {
            offset += 1
            var text: [UInt8] = []
            while offset < bytes.count {
                let byte = bytes[offset]
                offset += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(validating: text, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard offset < bytes.count else { return nil }
                    let escaped = bytes[offset]
                    offset += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escaped)
                    case UInt8(ascii: "b"): text.append(0x08)
                    case UInt8(ascii: "f"): text.append(0x0C)
                    case UInt8(ascii: "n"): text.append(0x0A)
                    case UInt8(ascii: "r"): text.append(0x0D)
                    case UInt8(ascii: "t"): text.append(0x09)
                    case UInt8(ascii: "u"):
                        guard let scalar = unicodeEscape() else { return nil }
                        text.append(contentsOf: String(Character(scalar)).utf8)
                    default: return nil
                    }
                case ..<0x20:
                    return nil
                default:
                    text.append(byte)
                }
            }
            return nil
        }

        /// The scalar of `\uXXXX` (after the `u`), with its low surrogate when it is a high one.
        private mutating func unicodeEscape() -> Unicode.Scalar? {
            guard let first = hex4() else { return nil }
            guard (0xD800..<0xDC00).contains(first) else { return Unicode.Scalar(first) }
            guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let second = hex4(), (0xDC00..<0xE000).contains(second) else { return nil }
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
        }

        private mutating func hex4() -> UInt32? {
            guard offset + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = Character(Unicode.Scalar(bytes[offset])).hexDigitValue else { return nil }
                value = value << 4 | UInt32(digit)
                offset += 1
            }
            return value
        }
    }
}

extension Array {
    /// Each element transformed, or nil when any one of them gives nil.
    func allMapped<T>(_ transform: (Element) -> T?) -> [T]? {
        var result: [T] = []
        result.reserveCapacity(count)
        for element in self {
            guard let transformed = transform(element) else { return nil }
            result.append(transformed)
        }
        return result
    }
}
