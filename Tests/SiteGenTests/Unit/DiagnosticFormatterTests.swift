import Testing
@testable import SiteGen

@Suite("Diagnostic formatting")
struct DiagnosticFormatterTests {
    @Test("Each diagnostic shows its line with two around it and a caret at its column")
    func context() {
        let formatter = DiagnosticFormatter(sources: ["a.md": "one\ntwo\nthree\nfour\nfive\nsix"])
        let diagnostic = Diagnostic.error(SourceLocation(path: "a.md", line: 4, column: 3), "wrong")
        #expect(formatter.format(diagnostic) == """
            a.md:4:3: error: wrong
             2 | two
             3 | three
             4 | four
               |   ^
             5 | five
             6 | six

            """)
    }

    @Test("5,000 diagnostics in one file each come out with their own lines")
    func manyInOneFile() {
        // An agency file with a misspelt key in each of 5,000 events.
        let count = 5_000
        let text = (1...count).map { "plac: sted\($0)" }.joined(separator: "\n")
        let diagnostics = (1...count).map { Diagnostic.error(SourceLocation(path: "content/events/data.yaml", line: $0, column: 1), "unknown key `plac`") }
        let blocks = DiagnosticFormatter(sources: ["content/events/data.yaml": text]).format(diagnostics)
            .split(separator: "content/events/data.yaml:").map(String.init)
        #expect(blocks.count == count)
        for (index, block) in blocks.enumerated() {
            let line = index + 1
            let width = String(min(count, line + 2)).count
            let label = String(line).leftPadded(to: width)
            if !block.hasPrefix("\(line):1: error: unknown key `plac`\n") || !block.contains(" \(label) | plac: sted\(line)\n \(String(repeating: " ", count: width)) | ^\n") {
                Issue.record("diagnostic \(line) is shown wrongly:\n\(block)")
                break
            }
        }
    }
}
