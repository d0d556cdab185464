import Markdown

/// Turns a file's bytes into text the rest of the pipeline can count lines in:
/// UTF-8 only, byte-order mark dropped, Windows and old Mac line endings made `\n`.
enum SourceText {
    static func decode(_ bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = body.dropFirst(3)
        }
        // Through a buffer: on a slice, `String(validating:)` took the generic path, a byte at a time.
        guard let text = body.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) else {
            return .failure(.error(firstInvalidByte(in: Array(body), path: path),
                "the file is not UTF-8 text; save it as UTF-8 in your editor (\"Save with encoding\" → UTF-8)"))
        }
        // Almost every file has neither: one tight pass over the bytes spares the two slower
        // passes over the text below, which find and place them.
        guard body.withUnsafeBufferPointer(mayNeedWork) else { return .success(text) }
        let normalized = normalizingLineEndings(text)
        if let location = firstControlCharacter(in: normalized, path: path) {
            return .failure(.error(location.location,
                "the invisible control character \(location.scalar.codePoint) stands here; delete it (retype the text around it if your editor does not show it)"))
        }
        return .success(normalized)
    }

    /// Whether the bytes hold a carriage return or a control character (`\r` is one): any byte
    /// `firstControlCharacter` or `normalizingLineEndings` would act on.
    private static func mayNeedWork(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Eight bytes at a time: only a word with a byte below 0x20 (a line end, mostly),
        // 0x7F or 0xC2 (which starts », « and no-break spaces) is looked at byte by byte.
        // Every file is read through here.
        var index = 0
        var previous: UInt8 = 0
        while index + 8 <= bytes.count {
            let eight = EightBytes(bytes, at: index)
            let suspect = eight.contains(below: 0x20) || eight.contains(0x7F) || eight.contains(0xC2)
            // A 0xC2 that ended the last word is looked at with this one's first byte.
            if suspect || previous == 0xC2 {
                for byte in bytes[index..<index + 8] {
                    if needsWork(byte, after: previous) { return true }
                    previous = byte
                }
            } else {
                previous = bytes[index + 7]
            }
            index += 8
        }
        for byte in bytes[index...] {
            if needsWork(byte, after: previous) { return true }
            previous = byte
        }
        return false
    }

    @inline(__always)
    private static func needsWork(_ byte: UInt8, after previous: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F || (previous == 0xC2 && byte &- 0x80 < 0x20)
    }

    /// A control character other than tab and line break: YAML refuses it without saying
    /// where, and in a page it is invalid HTML. One pass over the bytes; the place is counted
    /// only when there is one, in characters like libyaml's columns.
    private static func firstControlCharacter(in text: String, path: String) -> (location: SourceLocation, scalar: Unicode.Scalar)? {
        let bytes = text.utf8
        var previous: UInt8 = 0
        guard let end = bytes.firstIndex(where: { byte in
            defer { previous = byte }
            // C0 controls but tab and line feed, DEL, and C1 controls (U+0080-U+009F: C2 80-9F).
            return (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(byte))
        }) else { return nil }
        let isC1 = bytes[end] >= 0x80
        let start = isC1 ? bytes.index(before: end) : end
        let before = text[..<start]
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let line = before.utf8.count { $0 == 0x0A } + 1
        let column = text.unicodeScalars[lineStart..<start].count + 1
        return (SourceLocation(path: path, line: line, column: column), text.unicodeScalars[start])
    }

    static func normalizingLineEndings(_ text: String) -> String {
        guard text.containsASCII(UInt8(ascii: "\r")) else { return text }
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

    static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
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
