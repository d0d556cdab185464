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
}
