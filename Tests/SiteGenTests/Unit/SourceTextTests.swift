import Foundation
import Testing
@testable import SiteGen

private func decode(_ bytes: [UInt8]) -> Result<String, Diagnostic> {
    SourceText.decode(bytes, path: "content/index.md")
}

@Suite("Decoding source files")
struct SourceTextDecodeTests {
    @Test("A UTF-8 byte-order mark is dropped")
    func byteOrderMark() throws {
        #expect(try decode([0xEF, 0xBB, 0xBF] + Array("---\ntitle: Æ".utf8)).get() == "---\ntitle: Æ")
    }

    @Test("A byte-order mark elsewhere than the start is kept")
    func byteOrderMarkInside() throws {
        #expect(try decode(Array("a".utf8) + [0xEF, 0xBB, 0xBF]).get() == "a\u{FEFF}")
    }

    @Test("Windows line endings become \\n")
    func crlf() throws {
        #expect(try decode(Array("a\r\nb\r\n".utf8)).get() == "a\nb\n")
    }

    @Test("Old Mac line endings become \\n, also mixed with others")
    func loneCR() throws {
        #expect(try decode(Array("a\rb\r\nc\nd\r".utf8)).get() == "a\nb\nc\nd\n")
    }

    @Test("Invalid UTF-8 is reported at its line and column, with how to fix it")
    func invalidByte() throws {
        let result = decode(Array("ab\ncd".utf8) + [0xFF] + Array("e".utf8))
        guard case .failure(let diagnostic) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == SourceLocation(path: "content/index.md", line: 2, column: 3))
        #expect(diagnostic.message.contains("UTF-8"))
        #expect(diagnostic.message.lowercased().contains("save"))
    }

    @Test("The column counts characters, not bytes")
    func columnInCharacters() throws {
        // "Ærø " is 4 characters but 7 bytes; 0xE6 is "æ" in Latin-1.
        let result = decode(Array("Ærø ".utf8) + [0xE6])
        guard case .failure(let diagnostic) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect((diagnostic.location.line, diagnostic.location.column) == (1, 5))
    }

    @Test("A truncated multi-byte character at the end is reported where it starts")
    func truncatedAtEnd() throws {
        let result = decode(Array("x\nab".utf8) + [0xC3])
        guard case .failure(let diagnostic) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect((diagnostic.location.line, diagnostic.location.column) == (2, 3))
    }

    @Test("Lines are counted across Windows line endings")
    func invalidByteAfterCRLF() throws {
        let result = decode(Array("a\r\nb\r\nc".utf8) + [0xFF])
        guard case .failure(let diagnostic) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect((diagnostic.location.line, diagnostic.location.column) == (3, 2))
    }

    @Test("Lines are counted across old Mac line endings, as the decoded text counts them")
    func invalidByteAfterLoneCR() throws {
        // A Mac Roman file: lone CR line endings, 0x8E is "é".
        let result = decode(Array("title: x\rcaf".utf8) + [0x8E])
        guard case .failure(let diagnostic) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect((diagnostic.location.line, diagnostic.location.column) == (2, 4))
    }
}

@Suite("Control characters")
struct SourceTextControlCharacterTests {
    @Test("A control character is reported at its line and column in characters", arguments: [
        ("---\ntitle: Uro\nsummary: Klokke\u{7} her\n", 3, 16, "U+0007"),
        ("Æøå\u{0}", 1, 4, "U+0000"),
        ("a\nTekst\u{B} med lodret tab", 2, 6, "U+000B"),
        ("a\r\nb\u{1B}[31m", 2, 2, "U+001B"),
        ("x\u{7F}", 1, 2, "U+007F"),
        ("ø\u{85}", 1, 2, "U+0085"),
    ])
    func reported(text: String, line: Int, column: Int, codePoint: String) {
        guard case .failure(let diagnostic) = decode(Array(text.utf8)) else {
            Issue.record("decoded \(text.debugDescription) without a problem")
            return
        }
        #expect(diagnostic.description == "content/index.md:\(line):\(column): error: the invisible control character \(codePoint) stands here; delete it (retype the text around it if your editor does not show it)")
    }

    @Test("Tabs, line breaks and other invisible but harmless characters are kept")
    func kept() throws {
        #expect(try decode(Array("a\tb\r\nc\u{A0}d\u{200B}e\u{FEFF}".utf8)).get() == "a\tb\nc\u{A0}d\u{200B}e\u{FEFF}")
    }

    @Test("A control character is found wherever it stands among the bytes read eight at a time", arguments: 0..<20)
    func controlAtEveryOffset(offset: Int) throws {
        // Plain text around it, long enough that the character falls in the first, a middle
        // and the last (shorter) group of eight bytes; U+0085 is two bytes, C2 85.
        for control in ["\u{7}", "\u{7F}", "\u{85}", "\r"] {
            let text = String(repeating: "x", count: offset) + control + String(repeating: "y", count: 19 - offset)
            let result = decode(Array(text.utf8))
            if control == "\r" {
                #expect(try result.get() == text.replacingOccurrences(of: "\r", with: "\n"))
            } else {
                guard case .failure(let diagnostic) = result else {
                    Issue.record("\(control.unicodeScalars.first!.value) at \(offset): expected a failure")
                    continue
                }
                #expect(diagnostic.location.column == offset + 1)
            }
        }
    }

    @Test("Danish quotes and no-break spaces (C2 AB, C2 BB, C2 A0) pass, also across a group of eight bytes")
    func latinOneMarksKept() throws {
        for offset in 0..<10 {
            let text = String(repeating: "a", count: offset) + "»Almaty«\u{A0}1 "
            #expect(try decode(Array(text.utf8)).get() == text)
        }
    }
}
