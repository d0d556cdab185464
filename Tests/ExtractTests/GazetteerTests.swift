import Foundation
import Testing
@testable import Extract

@Suite struct GazetteerTests {
    @Test func loadsTheBundledFile() throws {
        let start = ContinuousClock.now
        let gazetteer = try Gazetteer.bundled()
        print("gazetteer loaded in \(ContinuousClock.now - start)")
        #expect(gazetteer.entries.count > 30_000)
        let almaty = gazetteer.lookup("Almaty").map { gazetteer.entries[$0.index] }
        #expect(almaty.contains { $0.kind == .city && $0.country == "KZ" && abs($0.latitude - 43.25) < 0.1 })
        for spelling in ["Mangistau", "Mangystau", "Mangghystau"] {
            #expect(gazetteer.lookup(spelling).contains { gazetteer.entries[$0.index].code == "KZ-MAN" }, "\(spelling)")
        }
        #expect(gazetteer.lookup("Kasakhstan").contains { gazetteer.entries[$0.index].code == "KZ" })
    }
}
