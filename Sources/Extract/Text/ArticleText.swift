/// One input text cut into what the extractor reads: the article's own sentences, the
/// embedded social-media posts, and what it leaves out (photo captions, "Vis mere", headlines).
struct ArticleText: Sendable {
    enum Language: String, Sendable { case danish = "da", english = "en" }

    struct Sentence: Sendable {
        var text: String
        var line: Int
        var column: Int
        /// Sentences of one paragraph share a number; an event's elaboration stays in its paragraph.
        var paragraph: Int
        /// A quotation (a paragraph opened by a dash or quotation mark): words someone said,
        /// not something the article reports as having happened.
        var isQuote: Bool
    }

    /// A post embedded in the article (Twitter's "— Name (@handle) January 4, 2022" signature,
    /// the card "Name @handle · 4. jan. 2022", Instagram's "A post shared by ..."): its own author
    /// and date, never the article's events.
    struct Post: Sendable {
        var author: String
        var platform: String?
        var dateText: String?
        var text: String
        var line: Int
        var column: Int
        var paragraph: Int
        /// The article's sentence that introduces the post ("... delte en video fra Almaty:").
        var introduction: String?
        /// Its index in `sentences`: no event of its own, since it only says what the post shows.
        var introductionIndex: Int?
    }

    /// A line that stands where an embedded post was ("Indlejret indhold fra Twitter") with no
    /// post copied beside it: the editor is told to look at the original.
    struct MissingEmbed: Sendable {
        var platform: String?
        var line: Int
        var paragraph: Int
    }

    var input: String
    var sentences: [Sentence] = []
    var posts: [Post] = []
    var missingEmbeds: [MissingEmbed] = []
    var language: Language = .danish
    /// The agency named in a dateline ("ALMATY (Reuters) -") or a sign-off ("/ritzau/").
    var datelineAgency: String?
    /// The date a dateline or a "Publiceret ..." line gives, as written.
    var datelineDate: (text: String, line: Int)?

    typealias Line = (number: Int, text: String)

    init(input: String, text: String) {
        self.input = input
        let paragraphs = Self.paragraphs(Self.lines(of: text)).map(Self.postLines)
        // A paragraph is read once the next one is known not to be the signature whose post it is.
        var pending: (lines: [Line], index: Int)?
        var index = 0
        while index < paragraphs.count {
            if let post = signedPost(paragraphs[index], index: index, previous: &pending) {
                posts.append(post)
                index += 1
                continue
            }
            if let pendingParagraph = pending { read(pendingParagraph.lines, index: pendingParagraph.index) }
            pending = nil
            if let consumed = cardPost(paragraphs, at: index) {
                index += consumed
                continue
            }
            pending = (paragraphs[index], index)
            index += 1
        }
        if let pendingParagraph = pending { read(pendingParagraph.lines, index: pendingParagraph.index) }
        language = Self.language(of: sentences.map(\.text).joined(separator: " "))
    }

    // MARK: Lines and paragraphs

    private static func lines(of text: String) -> [Line] {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().map { (number: $0.offset + 1, text: String($0.element)) }
        // Markdown front matter is the file's metadata, not its text.
        if lines.first?.text == "---", let end = lines.dropFirst().firstIndex(where: { $0.text == "---" }) {
            lines.removeSubrange(...end)
        }
        return lines
    }

    private static func paragraphs(_ lines: [Line]) -> [[Line]] {
        var result: [[Line]] = []
        var current: [Line] = []
        for line in lines {
            let trimmed = line.text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !current.isEmpty { result.append(current) }
                current = []
            } else {
                current.append((line.number, trimmed))
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    // MARK: The article's own paragraphs

    private static let caption = Pattern(#"\b(?:foto|photo|billede|arkivfoto|image|illustration)\s*:"#)
    static let chrome = Pattern(#"^(?:vis mere|vis mindre|læs mere|læs også|se også|read more|show more|related|relateret|annonce|advertisement|oversæt opslag|translate post|translate tweet)\b"#)
    private static let signOff = Pattern(#"^/\s*([a-zæøå]+)\s*/\s*([a-z]*)\s*$"#)
    private static let dateline = Pattern(#"^([A-ZÆØÅ][A-ZÆØÅ .'\-]{2,}),?\s*([^()]{0,30}?)\s*\(([^)]{2,30})\)\s*[-–—:]\s*"#, caseSensitive: true)
    private static let publishedLine = Pattern(#"^(?:publiceret|udgivet|offentliggjort|published|opdateret|updated)\s*:?\s*(.+)$"#)

    mutating func read(_ paragraph: [Line], index: Int) {
        var lines: [Line] = []
        for line in paragraph {
            let text = Self.cleaned(line.text)
            if let embed = Self.embeddedContent.firstMatch(in: text) {
                missingEmbeds.append(MissingEmbed(platform: embed[1].flatMap(Self.platformName), line: line.number, paragraph: index))
                continue
            }
            if Self.caption.contains(text) || Self.chrome.contains(text) || text.hasPrefix("![") || Self.postChrome.contains(text) { continue }
            if let signOff = Self.signOff.firstMatch(in: text) {
                datelineAgency = datelineAgency ?? signOff[1].map { $0 == "ritzau" ? "Ritzau" : $0.capitalized }
                continue
            }
            if let published = Self.publishedLine.firstMatch(in: text), sentences.isEmpty {
                datelineDate = datelineDate ?? (published[1] ?? "", line.number)
                continue
            }
            lines.append((line.number, text))
        }
        guard !lines.isEmpty else { return }
        // A headline (or any heading): no sentence of its own, and no full stop.
        if paragraph.first!.text.hasPrefix("#") || (lines.count == 1 && !lines[0].text.hasSuffix(".") && sentences.isEmpty && posts.isEmpty
            && !lines[0].text.hasSuffix(":") && lines[0].text.split(separator: " ").count < 20 && !Self.dateline.contains(lines[0].text)) {
            return
        }
        if let match = Self.dateline.firstMatch(in: lines[0].text), sentences.isEmpty {
            datelineAgency = datelineAgency ?? match[3]
            if let date = match[2], !date.isEmpty { datelineDate = datelineDate ?? (date, lines[0].number) }
            lines[0].text.removeSubrange(match.range)
        }
        let first = lines[0].text.first
        let isQuote = first.map { "\"“„»«".contains($0) } ?? false || ["- ", "– ", "— "].contains { lines[0].text.hasPrefix($0) }
            || paragraph[0].text.hasPrefix(">")
        for sentence in SentenceSplitter.split(lines) {
            sentences.append(Sentence(text: sentence.text, line: sentence.line, column: sentence.column, paragraph: index, isQuote: isQuote))
        }
    }

    /// A line without Markdown: links keep their text, emphasis and heading marks go.
    static func cleaned(_ line: String) -> String {
        var text = line
        for match in markdownLink.matches(in: text).reversed() {
            text.replaceSubrange(match.range, with: match[1] ?? "")
        }
        text = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        while text.hasPrefix("#") { text.removeFirst() }
        return text.trimmingCharacters(in: .whitespaces)
    }

    private static let markdownLink = Pattern(#"!?\[([^\]]*)\]\([^)]*\)"#)

    static func unquoted(_ line: String) -> String {
        var text = Substring(line)
        while text.hasPrefix(">") { text = text.dropFirst().drop { $0 == " " } }
        return String(text)
    }

    // MARK: Language

    private static let danishWords: Set<String> = ["og", "i", "at", "det", "en", "den", "til", "er", "som", "på", "de", "med", "af", "for", "ikke", "der", "var", "har", "om", "fra", "efter", "skal", "blev", "også", "ifølge", "onsdag", "tirsdag"]
    private static let englishWords: Set<String> = ["the", "and", "of", "to", "in", "is", "was", "that", "for", "on", "with", "as", "by", "at", "said", "were", "from", "has", "have", "it", "after", "according"]

    static func language(of text: String) -> Language {
        var danish = 0, english = 0
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
            if danishWords.contains(String(word)) { danish += 1 }
            if englishWords.contains(String(word)) { english += 1 }
        }
        return english > danish ? .english : .danish
    }
}

import Foundation
