import Foundation
import SiteGenTestSupport
import Testing
@testable import SiteGen

/// A value with every line and column in it, to compare the two readers exactly.
private func described(_ value: YAMLValue?) -> String {
    guard let value else { return "nil" }
    let place = "@\(value.location.line):\(value.location.column)"
    switch value.kind {
    case .scalar(let text, let quoted): return "\(quoted ? "q" : "p")\(text.debugDescription)\(place)"
    case .sequence(let items): return "[" + items.map(described).joined(separator: ", ") + "]\(place)"
    case .mapping(let entries):
        return "{" + entries.map { "\($0.key)@\($0.keyLocation.line):\($0.keyLocation.column): \(described($0.value))" }.joined(separator: ", ") + "}\(place)"
    }
}

/// What Yams makes of `yaml`, and what `FlatYAML` makes of it when it reads it.
private func compared(_ yaml: String) throws -> (flat: String?, yams: String) {
    let yams = try YAMLParser.parseWithYams(yaml, path: "x.md", firstLine: 2).get()
    return (FlatYAML.parse(yaml, path: "x.md", firstLine: 2).map(described), described(yams))
}

@Suite("Front matter read without libyaml")
struct FlatYAMLTests {
    @Test("The common shapes are read, as Yams reads them, with the same places")
    func commonShapes() throws {
        let shapes = [
            "title: \"Forklarer januar tal billeder med spørgsmålet\"\ndate: 2022-02-14T08:45:00+01:00\nsummary: \"Tåregas: 12 krav\"",
            "tags: [tenge, usa, internet, rusland]\nplaces: [turkistan, kyzylorda, aktobe]",
            "title: Statens prisloft på LPG ophæves\ndate: 2022-01-01\ntimezone: Asia/Almaty\nplace: nur-sultan\nsources: [Reuters, AFP]\nkey: true",
            "tags: [lpg, økonomi, \"Nur Otan\", 'a b', Nur Otan]\ntitle: 'Rusland svarer'",
            "title: Ruslands svar kl. 14.00 – \"uventet\"\nurl: https://example.org/a?b=c",
            "aliases: [\"akimat-begrebet\", \"akimat-ordningen\"]\nshort: \"Landet nævner i demonstranterne.\"",
            "title: æøå ÆØÅ Жаңаөзен\nsources: [Жаңаөзен, Ақтау, b]",
            "sources: [{name: Instagram, via: AFP}]\nkey: false",
            "sources: [Reuters, {name: Zakon.kz, via: Reuters, url: \"https://zakon.kz/a?b=c, d\"}, {name: 'Tass'}]",
            "sources: [{name: Ақорда, via: Kazinform}, Ritzau]\ntags: [a]",
        ]
        for yaml in shapes {
            let (flat, yams) = try compared(yaml)
            #expect(flat == yams, "\(yaml)")
        }
    }

    @Test("Anything else is left to Yams")
    func otherShapes() throws {
        let others = [
            "title: a\n", "title: a # comment", "title: a: b", "title:", "title:  a", "title: a ", "title: \"a\\\"b\"",
            "tags:\n  - a\n  - b", "title: a\ntitle: b", "title: -a", "title: [a,b]", "title: [a, ]", "title: []", "title: [a: b]",
            "title: 'it''s'", "title: a\tb", "Title: a", "title: |\n  a", "title: {a: b}", "title: a  b", "title: a:",
            "title: &x a\nb: *x", "title: [a, b] x", "title: ?a",
            "sources: [{}]", "sources: [{ name: a}]", "sources: [{name: a }]", "sources: [{name: a,via: b}]", "sources: [{name: a, name: b}]",
            "sources: [{name: [a, b]}]", "sources: [{name: {a: b}}]", "sources: [{name:a}]", "sources: [{Name: a}]", "sources: [{name: a}, ]",
            "sources: [{name: a} ]", "sources: [{name: a, via: }]", "sources: [{name: a: b}]",
        ]
        for yaml in others {
            #expect(FlatYAML.parse(yaml, path: "x.md", firstLine: 2) == nil, "\(yaml)")
        }
    }

    @Test("Every front matter of the example site reads the same both ways")
    func exampleSite() throws {
        let content = RepositoryPaths.root.appendingPathComponent("content")
        let files = try #require(FileManager.default.enumerator(atPath: content.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }
        var flatCount = 0
        for file in files.sorted() {
            let text = try String(contentsOf: content.appendingPathComponent(file), encoding: .utf8)
            guard case .success(let frontMatter) = FrontMatter.split(text, path: file) else { continue }
            let (flat, yams) = try compared(frontMatter.yaml)
            if let flat {
                flatCount += 1
                #expect(flat == yams, "\(file)")
            }
        }
        #expect(flatCount > 10)
    }
}
