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

    @Test("The next byte from any start: the same place a look at each byte finds")
    func nextByte() {
        let bytes = Array("ab\ncd\n\nÆø\nx".utf8)
        for start in 0...bytes.count + 1 {
            let expected = start < bytes.count ? bytes[start...].firstIndex(of: UInt8(ascii: "\n")) : nil
            #expect(bytes.index(of: UInt8(ascii: "\n"), from: start) == expected, "from \(start)")
        }
        #expect([UInt8]().index(of: 0, from: 0) == nil)
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

    @Test("Eight bytes at once say what a look at each byte says, wherever the byte stands")
    func eightBytes() {
        var generator = SystemRandomNumberGenerator()
        for value in 0...255 {
            for place in 0..<8 {
                for _ in 0..<20 {
                    var bytes = (0..<8).map { _ in UInt8.random(in: 0...255, using: &generator) }
                    bytes[place] = UInt8(value)
                    bytes.withUnsafeBufferPointer { buffer in
                        let eight = EightBytes(buffer, at: 0)
                        #expect(eight.contains(0xC2) == bytes.contains(0xC2))
                        #expect(eight.contains(UInt8(value)))
                        #expect(eight.contains(below: 0x20) == bytes.contains { $0 < 0x20 })
                        #expect(eight.contains(in: 0x22...0x2E) == bytes.contains { (0x22...0x2E).contains($0) })
                    }
                }
            }
        }
    }
}
