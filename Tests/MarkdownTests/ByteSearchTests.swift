import Testing
@testable import Markdown

@Suite("Byte searches")
struct ByteSearchTests {
    @Test("A byte is found anywhere in a text, and only when it is there")
    func oneByte() {
        #expect("^note".containsASCII(UInt8(ascii: "^")))
        #expect("a text ending in ~".containsASCII(UInt8(ascii: "~")))
        #expect(!"Ærø og Åbenrå".containsASCII(UInt8(ascii: "~")))
        #expect(!"".containsASCII(UInt8(ascii: "a")))
    }

    @Test("A run of bytes is found where it starts, after a false start and at the very end")
    func runOfBytes() {
        #expect("/tidslinje/./x".containsASCII("/."))
        #expect("//cdn.example".containsASCII("//"))
        #expect("a/b/c//".containsASCII("//"))
        #expect("/a/b/c/.".containsASCII("/."))
        #expect(!"/tidslinje/x/".containsASCII("//"))
        #expect(!"/".containsASCII("//"))
        #expect(!"/tidslinje/x.y/".containsASCII("/."))
        #expect(!"".containsASCII("/."))
        #expect("før/.efter".containsASCII("/."))
    }
}
