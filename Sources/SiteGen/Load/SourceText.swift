/// Turns a file's bytes into text the rest of the pipeline can count lines in:
/// UTF-8 only, byte-order mark dropped, Windows and old Mac line endings made `\n`.
enum SourceText {
    static func decode(_ bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = body.dropFirst(3)
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            return .failure(.error(firstInvalidByte(in: Array(body), path: path),
                "the file is not UTF-8 text; save it as UTF-8 in your editor (\"Save with encoding\" → UTF-8)"))
        }
        return .success(normalizingLineEndings(text))
    }

    static func normalizingLineEndings(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Where decoding fails, as line and column, so the editor can find the odd character.
    private static func firstInvalidByte(in bytes: [UInt8], path: String) -> SourceLocation {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            if length == 0 {
                let prefix = Array(bytes[lineStart..<index])
                let column = (String(validating: prefix, as: UTF8.self)?.count ?? prefix.count) + 1
                return SourceLocation(path: path, line: line, column: column)
            }
            // A line ends at `\n`, or at a `\r` not followed by one, as `normalizingLineEndings` has it.
            let isLineEnd = bytes[index] == UInt8(ascii: "\n")
                || (bytes[index] == UInt8(ascii: "\r") && (index + 1 == bytes.count || bytes[index + 1] != UInt8(ascii: "\n")))
            if isLineEnd {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return SourceLocation(path: path, line: line, column: 1)
    }

    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        let sequence = Array(bytes[index..<index + length])
        return String(validating: sequence, as: UTF8.self) == nil ? 0 : length
    }
}

extension Unicode.Scalar {
    /// `U+0007`: how a diagnostic names a character that cannot be shown.
    var codePoint: String { String(format: "U+%04X", value) }
}

import Foundation
