import Foundation
import Testing
@testable import SiteGen

/// The JSON reader the country outlines go through, against Foundation's on the same text.
@Suite("JSON reader")
struct JSONReaderTests {
    /// Foundation's reading of the same JSON, as the reader's values.
    private static func foundation(_ text: String) -> JSONReader.Value? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else { return nil }
        return value(object)
    }

    private static func value(_ object: Any) -> JSONReader.Value {
        switch object {
        case let dictionary as [String: Any]: .object(dictionary.mapValues(value))
        case let array as [Any]: .array(array.map(value))
        case let string as String: .string(string)
        // Foundation's booleans are numbers of the C type `char`.
        case let number as NSNumber where String(cString: number.objCType) == "c": .bool(number.boolValue)
        case let number as NSNumber: .number(number.doubleValue)
        default: .null
        }
    }

    @Test("Reads what Foundation reads, values and numbers alike")
    func sameAsFoundation() {
        let texts = [
            #"{"a": [1, -2.5, 3e2, 0.1, 1E-3, -0, 51.58, 24.25], "b": {"c": null, "d": true, "e": false}}"#,
            #"["plain", "quote \" backslash \\ slash \/ controls \b\f\n\r\t", "æøå »«", "\u00e6\u2019", "\ud83d\ude00"]"#,
            " \n\t[ ] ",
            "{}",
            "12345678901234567890",
            "-0.000001",
        ]
        for text in texts {
            #expect(JSONReader.parse(Array(text.utf8)) == Self.foundation(text), "\(text)")
        }
    }

    @Test("Refuses what is not JSON")
    func refusals() {
        for text in ["", "[1,]", "{\"a\" 1}", "[1] x", "01", "1.", "-", ".5", "+1", "1e", "tru", "\"open", "\"\\x\"", "\"\u{01}\"",
                     "\"\\ud83d\"", "[inf]", "[NaN]", "{1: 2}"] {
            #expect(JSONReader.parse(Array(text.utf8)) == nil, "\(text)")
        }
    }

    @Test("Nesting deeper than any outline file is refused, not followed")
    func depth() {
        func nested(_ depth: Int) -> [UInt8] { Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8) }
        #expect(JSONReader.parse(nested(65)) == nil)
        #expect(JSONReader.parse(nested(64)) != nil)
    }

    @Test("The outlines sitegen ships read as Foundation reads them")
    func shippedOutlines() throws {
        // <root>/Tests/SiteGenTests/Unit/JSONReaderTests.swift
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent(CountryOutlines.path), encoding: .utf8)
        let read = try #require(JSONReader.parse(Array(text.utf8)))
        #expect(read == Self.foundation(text))
        #expect(read["countries"]?.array?.count ?? 0 > 100)
    }
}
