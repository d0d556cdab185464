import Foundation
import Testing
@testable import SiteGen

@Suite("Spaces at the ends of a field")
struct HorizontalSpaceTests {
    private let samples = [
        "", " ", "\t", "Almaty", "  Almaty\t", "\u{00A0}2022-01-05\u{2009}", "Almaty \n", "\n", " \n ",
        "Nur-Sultan\u{3000}", "\u{3000}", "a b", " æ ø å ", "\u{200B}x\u{200B}", "\u{200B}", "\u{2028}x", "x\u{180E}", "\u{200C}y",
    ]

    @Test("Trims what Foundation's .whitespaces trims, and nothing else")
    func sameAsFoundation() {
        for text in samples {
            #expect(String(text.trimmingHorizontalSpace()) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(text.isHorizontalSpace == text.trimmingCharacters(in: .whitespaces).isEmpty, "\(text.debugDescription)")
        }
    }

    @Test("A field with spaces around its date still reads as the date")
    func dateWithSpaces() throws {
        let date = try ContentDate.parse(" 2022-01-05\t").get()
        #expect(date == (try ContentDate.parse("2022-01-05").get()))
    }
}
