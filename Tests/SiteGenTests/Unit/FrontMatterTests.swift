import Testing
@testable import SiteGen

private func split(_ text: String) throws -> FrontMatter {
    try FrontMatter.split(text, path: "content/articles/a.md").get()
}

private func failure(_ text: String) -> Diagnostic? {
    if case .failure(let diagnostic) = FrontMatter.split(text, path: "content/articles/a.md") { return diagnostic }
    return nil
}

@Suite("Front matter")
struct FrontMatterSplitTests {
    @Test("YAML and body are cut at the delimiters, with the lines they start on")
    func positions() throws {
        let parts = try split("---\ntitle: Hej\ndate: 2022-01-05\n---\n# Overskrift\n\nTekst.\n")
        #expect(parts.yaml == "title: Hej\ndate: 2022-01-05")
        #expect(parts.yamlFirstLine == 2)
        #expect(parts.body == "# Overskrift\n\nTekst.\n")
        #expect(parts.bodyFirstLine == 5)
    }

    @Test("The body's first line is the line right after the closing delimiter")
    func bodyLineWithOneKey() throws {
        let parts = try split("---\ntitle: Hej\n---\n\nTekst.\n")
        #expect(parts.bodyFirstLine == 4)
        // Line 4 of the file is the empty line; "Tekst." is on file line 5 = bodyFirstLine + 1.
        let bodyLines = parts.body.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(bodyLines.firstIndex(of: "Tekst.").map { $0 + parts.bodyFirstLine } == 5)
    }

    @Test("Delimiters with trailing spaces are accepted")
    func trailingSpaces() throws {
        let parts = try split("---   \ntitle: Hej\n---  \nTekst.\n")
        #expect(parts.yaml == "title: Hej")
        #expect(parts.body == "Tekst.\n")
        #expect(parts.bodyFirstLine == 4)
    }

    @Test("Empty front matter is allowed")
    func emptyFrontMatter() throws {
        let parts = try split("---\n---\nTekst.\n")
        #expect(parts.yaml == "")
        #expect(parts.body == "Tekst.\n")
        #expect(parts.bodyFirstLine == 3)
    }

    @Test("A thematic break in the body does not end the front matter early")
    func laterDelimiterInBody() throws {
        let parts = try split("---\ntitle: Hej\n---\nFør\n\n---\n\nEfter\n")
        #expect(parts.yaml == "title: Hej")
        #expect(parts.body == "Før\n\n---\n\nEfter\n")
    }

    @Test("Missing front matter is an error that says to add `---`", arguments: [
        "title: Hej\n---\nTekst.\n",
        "# Overskrift\n\nTekst.\n",
        "",
    ])
    func missing(text: String) throws {
        let diagnostic = try #require(failure(text))
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message.contains("`---`"))
        #expect(diagnostic.location.path == "content/articles/a.md")
    }

    @Test("A file starting with a key is told to add `---` before that line")
    func missingBeforeKey() throws {
        let diagnostic = try #require(failure("title: Hej\n---\nTekst.\n"))
        #expect(diagnostic.message.contains("title: Hej"))
    }

    @Test("Unterminated front matter is an error at line 1")
    func unterminated() throws {
        let diagnostic = try #require(failure("---\ntitle: Hej\n\nTekst.\n"))
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location.line == 1)
        #expect(diagnostic.message.contains("not closed"))
    }

    @Test("A line that merely starts with dashes is not a delimiter")
    func dashesWithText() throws {
        #expect(failure("---\ntitle: Hej\n--- more\nTekst.\n") != nil)
        #expect(failure("--- x\ntitle: Hej\n---\n") != nil)
    }
}
