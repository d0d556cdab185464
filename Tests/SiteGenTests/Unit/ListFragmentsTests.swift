import Testing
@testable import SiteGen

@Suite("List entries")
struct ListFragmentsTests {
    @Test("An entry loses the one line end it closes with, and nothing else", arguments: [
        ("<li>a</li>\n", "<li>a</li>"),
        ("<li>a</li>\r\n", "<li>a</li>"),
        ("<li>Ærø</li>\n\n", "<li>Ærø</li>\n"),
        ("<li>a</li>", "<li>a</li>"),
        ("\n", ""),
        ("\r\n", ""),
        ("\r", "\r"),
        ("", ""),
    ])
    func lastLineEnd(text: String, trimmed: String) {
        #expect(ListFragments.withoutLastLineEnd(Array(text.utf8)) == Array(trimmed.utf8))
    }

    @Test("A rendered entry is kept without the room its renderer reserved: a large site keeps thousands until its pages are written")
    func keepsOnlyItsBytes() {
        var rendered: [UInt8] = []
        rendered.reserveCapacity(16_384)
        rendered += Array("<li><a href=\"/tidslinje/x/\">Ærø</a></li>".utf8)
        let fragment = Fragment(bytes: rendered)
        #expect(fragment.bytes == rendered)
        #expect(fragment.bytes.capacity < 2 * rendered.count)
        #expect(fragment.hash == Fragment(String(decoding: rendered, as: UTF8.self)).hash)
    }
}
