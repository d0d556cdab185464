import Testing
@testable import SiteGen

/// A fingerprint decides whether serve shows an edit or the last build's page: an edit that
/// left it unchanged would be lost from the preview.
@Suite("Fingerprints of texts")
struct FingerprintTests {
    private let text = "Den 5. januar 2022 indførte præsidenten undtagelsestilstand i Almaty og Mangghystau, efter protester mod prisen på LPG."

    @Test("The same text gives the same fingerprint; texts that differ in one byte do not")
    func everyByteCounts() {
        #expect(Fingerprint.of(text: text) == Fingerprint.of(text: String(text)))
        var bytes = Array(text.utf8)
        var prints: Set<Int> = [Fingerprint.of(text: text)]
        for index in bytes.indices {
            let original = bytes[index]
            bytes[index] = original == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
            prints.insert(Fingerprint.of(text: String(decoding: bytes, as: UTF8.self)))
            bytes[index] = original
        }
        #expect(prints.count == bytes.count + 1)
    }

    @Test("Length counts: a text and the same text with a zero byte or a space after it differ")
    func lengthCounts() {
        for length in 0...40 {
            let prefix = String(repeating: "a", count: length)
            #expect(Fingerprint.of(text: prefix) != Fingerprint.of(text: prefix + "\u{0}"))
            #expect(Fingerprint.of(text: prefix) != Fingerprint.of(text: prefix + " "))
        }
    }

    @Test("Texts added one after another are not the same as the same bytes split elsewhere")
    func boundariesCount() {
        var first = Fingerprint()
        first.add(text: "Almaty")
        first.add(text: "Astana")
        var second = Fingerprint()
        second.add(text: "AlmatyA")
        second.add(text: "stana")
        #expect(first.value != second.value)
    }
}
