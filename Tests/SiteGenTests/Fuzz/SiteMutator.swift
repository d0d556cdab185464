/// SplitMix64: a tiny generator whose sequence depends only on its seed, so a fuzz case can
/// be replayed from its number alone.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Changes the files of a small site the way editors, extraction tools and attackers do: YAML
/// and Markdown syntax, aliases, template tags, odd characters and dates, lines lost or doubled.
struct SiteMutator {
    /// Pieces that reach the parsers' edge cases, by the kind of file they matter in.
    static let yamlTokens: [String] = [
        "---", "\n---\n", ": ", ":", "\n", "- ", "[", "]", "{", "}", "\"", "'", "|", ">", "#", "\t", "  ", "\\", ",",
        "&a [x, y]", "&a", "*a", "? *a", "<<: *a", "!!binary", "!!map", "~", "null", "true", "...", "%YAML 1.1\n",
        "places: [almaty, nowhere]\n", "tags: [\"🔥\"]\n", "id: \"!!!\"", "sources: [{name: X, url: \"javascript:alert(1)\"}]\n",
        "url: //x", "url: /kilder/", "0000-01-01", "2022-02-30", "2022-03-27T02:30", "9999-12-31T23:59:59+14:00", "T25:61", "+99:99",
        "lat: 90", "lat: -91", "lon: 180", "lon: -180.0001", "lat: 1e308", "lon: nan", "lat: .inf", "lat: 64.7\nlon: 177.5",
        "timezone: Mars/Base", "timezone: Europe/Copenhagen", "status: disputed", "key: yes", "draft: true", "precision: region",
        "end: 2022-01-01", "language: xx", "baseURL: https://example.org/a?b", "map: {country: RU, home: US}",
        "=HYPERLINK(\"x\")", "@SUM(1)", "+1", "-1", "99999999999999999999",
    ]
    static let markdownTokens: [String] = [
        "\n", "\n\n", "```timeline\n", "```map\n", "```\n", "places: [almaty, nowhere]\n", "limit: -1\n", "from: 2022-13\n",
        "tags: [regering]\n", "caption: x\n", "<script>alert(1)</script>", "<!--", "-->", "[link](javascript:x)", "![img](/x.png)",
        "*emph*", "> ", "1. ", "- ", "| a | b |\n|---|---|\n", "# ", "[^1]", "&amp;", "\\", "`", "    code\n", "<div>", "[x]: /y\n",
        "LPG", "LPG'en", "akimat", "autogas", "https://example.org",
    ]
    static let templateTokens: [String] = [
        "{{", "}}", "{{>partials/tags}}", "{{>partials/sources}}", "{{>partials/timeline-event}}", "{{>event}}", "{{>timeline}}",
        "{{>layout}}", "{{<layout}}", "{{/layout}}", "{{<layout}}{{/layout}}",
        "{{#tags}}", "{{/tags}}", "{{^empty(tags)}}", "{{/empty(tags)}}", "{{{body}}}", "{{$main}}", "{{/main}}", "{{!", "{{=<% %>=}}",
        "{{.}}", "{{#first()}}", "{{% CONTENT_TYPE: TEXT}}", "{{>}}", "{{> nowhere}}", "{{/", "{{#",
    ]
    static let anyTokens: [String] = [
        "\u{0}", "\u{7}", "\u{1B}", "\u{85}", "\u{FEFF}", "\u{200B}", "\r", "\r\n", "Алматы", "🔥", "ΣΩ", "é", "æøå", "\u{301}", "\u{10FFFF}",
    ]

    /// The tokens for a file, picked by its name.
    static func tokens(for path: String) -> [String] {
        if path.hasSuffix(".mustache") { return templateTokens }
        if path.hasSuffix(".md") { return markdownTokens + yamlTokens }
        return yamlTokens
    }

    var generator: SeededGenerator

    /// A few changes to the text of one file.
    mutating func mutate(_ bytes: [UInt8], path: String, others: [[UInt8]]) -> [UInt8] {
        var bytes = bytes
        // Mostly one change: a file broken in several places stops at its first syntax error,
        // and the checks and the renderer behind the parsers are never reached.
        let count = [1, 1, 1, 1, 1, 1, 2, 2, 3, 4].randomElement(using: &generator)!
        for _ in 0..<count {
            bytes = mutateOnce(bytes, tokens: Self.tokens(for: path), others: others)
        }
        // Editors' files stay small; so does the fuzzer's memory.
        return Array(bytes.prefix(64 * 1024))
    }

    private mutating func mutateOnce(_ bytes: [UInt8], tokens: [String], others: [[UInt8]]) -> [UInt8] {
        var bytes = bytes
        let lines = lineStarts(bytes)
        let anywhere = Int.random(in: 0...bytes.count, using: &generator)
        let lineStart = lines.randomElement(using: &generator) ?? 0
        let token = Array((Int.random(in: 0..<5, using: &generator) == 0 ? Self.anyTokens : tokens).randomElement(using: &generator)!.utf8)
        switch [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9].randomElement(using: &generator)! {
        case 0: // a token anywhere
            bytes.insert(contentsOf: token, at: anywhere)
        case 1: // a token at the start of a line, where YAML keys and Markdown blocks begin
            bytes.insert(contentsOf: token, at: lineStart)
        case 9: // a token as a line of its own
            bytes.insert(contentsOf: token + [0x0A], at: lineStart)
        case 8: // a token many times over, for nesting; kept well below the depths whose limits
            // belong to the Markdown parser's own tests
            bytes.insert(contentsOf: Array(repeating: token, count: Int.random(in: 2...300, using: &generator)).joined(), at: lineStart)
        case 2: // a stretch lost
            let end = min(bytes.count, anywhere + Int.random(in: 1...40, using: &generator))
            bytes.removeSubrange(anywhere..<end)
        case 3: // a line doubled
            let end = bytes[lineStart...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
            bytes.insert(contentsOf: bytes[lineStart..<end], at: lineStart)
        case 4: // a line from another file
            if let other = others.randomElement(using: &generator), let start = lineStarts(other).randomElement(using: &generator) {
                let end = other[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? other.count
                bytes.insert(contentsOf: other[start..<end], at: lineStart)
            }
        case 5: // one byte changed, which may break UTF-8
            if !bytes.isEmpty { bytes[min(anywhere, bytes.count - 1)] = UInt8.random(in: 0...255, using: &generator) }
        case 6: // cut short
            bytes.removeSubrange(anywhere...)
        default: // indentation changed
            bytes.insert(contentsOf: Array(["  ", "    ", "\t", " "].randomElement(using: &generator)!.utf8), at: lineStart)
        }
        return bytes
    }

    private func lineStarts(_ bytes: [UInt8]) -> [Int] {
        [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }.filter { $0 < bytes.count }
    }
}
