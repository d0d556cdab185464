import Testing
@testable import SiteGen

private let path = "content/events/2022-01-05-x.md"

/// Front matter YAML as it sits in a content file: it starts on file line 2, after `---`.
private func yaml(_ text: String) throws -> YAMLValue? {
    try YAMLParser.parse(text, path: path, firstLine: 2).get()
}

private func reader(_ text: String) throws -> FieldReader {
    FieldReader(try yaml(text), fallback: SourceLocation(path: path), what: "the front matter")
}

private func syntaxError(_ text: String) -> Diagnostic? {
    if case .failure(let diagnostic) = YAMLParser.parse(text, path: path, firstLine: 2) { return diagnostic }
    return nil
}

@Suite("YAML parsing and reading fields")
struct YAMLFieldReaderTests {
    @Test("A syntax error is reported at its line in the whole file")
    func syntaxErrorLine() throws {
        // File line 2 is `title`, line 3 holds the unquoted colon.
        let diagnostic = try #require(syntaxError("title: Hej\nsummary: Han sagde: nej\n"))
        #expect(diagnostic.location.path == path)
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.message.contains("quotes"))
    }

    @Test("A tab used for indentation is reported at its line in the whole file")
    func tabLine() throws {
        let diagnostic = try #require(syntaxError("title: Hej\ndate: 2022-01-05\n\tplace: x\n"))
        #expect(diagnostic.location.line == 4)
    }

    @Test("Values remember their whole-file line")
    func valueLines() throws {
        let fields = try reader("title: Hej\n\ndate: 2022-01-05\n")
        #expect(fields.value("title")?.location.line == 2)
        #expect(fields.value("date")?.location.line == 4)
        #expect(fields.keyLocation("date").line == 4)
    }

    @Test("An unknown key suggests the nearest known key", arguments: [("titel", "title"), ("dato", "date"), ("sumary", "summary")])
    func unknownKeySuggestion(misspelt: String, known: String) throws {
        var fields = try reader("\(misspelt): Hej\n")
        fields.rejectUnknownKeys(["title", "date", "summary", "tags", "draft"])
        #expect(fields.diagnostics.count == 1)
        #expect(fields.diagnostics.first?.message.contains("did you mean `\(known)`?") == true)
        #expect(fields.diagnostics.first?.location.line == 2)
    }

    @Test("An unknown key unlike any known key lists the known keys")
    func unknownKeyListsKnown() throws {
        var fields = try reader("title: Hej\ncolour: red\n")
        fields.rejectUnknownKeys(["title", "date"])
        #expect(fields.diagnostics.count == 1)
        let diagnostic = try #require(fields.diagnostics.first)
        #expect(diagnostic.message.contains("`colour`"))
        #expect(diagnostic.message.contains("`title`") && diagnostic.message.contains("`date`"))
        #expect(diagnostic.location.line == 3)
    }

    @Test("Known keys are not reported")
    func knownKeysAccepted() throws {
        var fields = try reader("title: Hej\ndate: 2022-01-05\n")
        fields.rejectUnknownKeys(["title", "date"])
        #expect(fields.diagnostics.isEmpty)
    }

    @Test("A list where text was expected is reported as 'must be text'")
    func listForText() throws {
        var fields = try reader("title:\n  - a\n  - b\n")
        #expect(fields.string("title") == nil)
        #expect(fields.diagnostics.count == 1)
        #expect(fields.diagnostics.first?.message.contains("must be text") == true)
        #expect(fields.diagnostics.first?.message.contains("list") == true)
    }

    @Test("A single value where a list is expected counts as a list of one")
    func singleValueAsList() throws {
        var fields = try reader("tags: lpg\n")
        #expect(fields.strings("tags") == ["lpg"])
        #expect(fields.diagnostics.isEmpty)
    }

    @Test("Both YAML list forms read as lists")
    func listForms() throws {
        var flow = try reader("tags: [lpg, protester]\n")
        var block = try reader("tags:\n  - lpg\n  - protester\n")
        #expect(flow.strings("tags") == ["lpg", "protester"])
        #expect(block.strings("tags") == ["lpg", "protester"])
    }

    @Test("Unquoted yes/no/true/false are booleans", arguments: [("true", true), ("yes", true), ("false", false), ("no", false)])
    func booleans(text: String, expected: Bool) throws {
        var fields = try reader("draft: \(text)\n")
        #expect(fields.bool("draft") == expected)
        #expect(fields.diagnostics.isEmpty)
    }

    @Test("A quoted \"yes\" is text, not a boolean", arguments: ["\"yes\"", "'true'"])
    func quotedIsNotBoolean(text: String) throws {
        var fields = try reader("draft: \(text)\n")
        #expect(fields.bool("draft") == nil)
        #expect(fields.diagnostics.count == 1)
        #expect(fields.diagnostics.first?.message.contains("`true` or `false`") == true)
    }

    @Test("A quoted value is still text when text is expected")
    func quotedText() throws {
        var fields = try reader("title: \"yes\"\n")
        #expect(fields.string("title") == "yes")
    }

    @Test("Front matter that is a list, not keys, is reported")
    func notAMapping() throws {
        let fields = try reader("- a\n- b\n")
        #expect(fields.diagnostics.count == 1)
        #expect(fields.diagnostics.first?.message.contains("`key: value`") == true)
    }

    @Test("A missing required key says how to add it")
    func missingRequired() throws {
        var fields = try reader("date: 2022-01-05\n")
        #expect(fields.requiredString("title", example: "Protester i Almaty") == nil)
        #expect(fields.diagnostics.first?.message.contains("title: Protester i Almaty") == true)
    }

    @Test("An invalid date is reported at the value with the reason")
    func invalidDate() throws {
        var fields = try reader("title: Hej\ndate: 2022-02-30\n")
        #expect(fields.date("date") == nil)
        let diagnostic = try #require(fields.diagnostics.first)
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.message.contains("2022-02-30"))
    }
}

@Suite("YAML aliases")
struct YAMLAliasTests {
    @Test("Aliases within the budget read as the values they repeat")
    func sharedValues() throws {
        var fields = try reader("x: &kilder [Reuters, AP]\nsources: *kilder\ntags: [*kilder]\n")
        #expect(fields.strings("sources") == ["Reuters", "AP"])
        #expect(fields.items("tags").count == 1)
    }

    @Test("A file that writes many values may share as many by alias: the budget grows with it")
    func budgetGrowsWithTheFile() throws {
        // 2,000 events that all share one list of 11 sources: 24,000 values repeated, 28,000 written.
        let events = (0..<2_000).map { "- {id: e\($0), title: T, date: 2022-01-05, sources: *s, tags: [a, b, c, d, e, f]}" }
        let text = "- {id: first, title: T, date: 2022-01-05, sources: &s [a, b, c, d, e, f, g, h, i, j, k]}\n" + events.joined(separator: "\n")
        let value = try #require(try YAMLParser.parse(text, path: path, firstLine: 1).get())
        guard case .sequence(let items) = value.kind else { Issue.record("not a list"); return }
        #expect(items.count == 2_001)
    }

    @Test("The alias that goes past the budget is reported where it stands, before anything is expanded")
    func bomb() throws {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...30 { lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]") }
        let diagnostic = try #require(syntaxError(lines.joined(separator: "\n")))
        #expect(diagnostic.description == "\(path):5:45: error: the alias `*a2` makes this file's aliases repeat more than 10000 values (aliases of lists of aliases multiply); write the values out instead")
    }

    @Test("An alias key is refused before Yams compares keys", arguments: ["? *k\n: v\n", "*k : v\n", "- {*k: v}\n"])
    func aliasKey(_ key: String) throws {
        let diagnostic = try #require(syntaxError("k: &k [a, b]\n" + key))
        #expect(diagnostic.message == "the alias `*k` stands as a key; keys are names, so write the key out")
        #expect(diagnostic.location.line == 3)
    }

    @Test("An asterisk in text is not an alias")
    func asterisksInText() throws {
        let fields = try reader("title: '*Note: x'\nbody: |\n  *Opdateret*: i dag & i går\n  *Note: nej\n")
        #expect(fields.peekString("title") == "*Note: x")
    }
}
