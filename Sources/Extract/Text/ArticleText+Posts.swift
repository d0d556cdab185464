/// Embedded social-media posts in the forms copying an article gives them: Twitter's and
/// Bluesky's embed fallback (text, then "— Name (@handle) January 4, 2022"), the card
/// ("Name @handle · 4. jan. 2022", then the text, then "Vis mere"), Instagram's and
/// Facebook's fallback ("Se dette opslag på Instagram", "Et opslag delt af NAME (@handle)",
/// "Posted by NAME on ..."), and the lines a site leaves where one was ("Indlejret indhold fra Twitter").
extension ArticleText {
    private static let twitterSignature = Pattern(#"^[—–-]{1,2}\s*(.+?)\s*\(@([\w.-]+)\)\s*(.*)$"#)
    private static let sharedBySignature = Pattern(#"^(?:et opslag delt af|a post shared by|a video shared by|en video delt af)\s+(.+?)\s*(?:\(@([\w.]+)\))?\s*(?:(?:[·-]|\bon\b|\bden\b|\bd\.)\s*(.+))?$"#)
    private static let postedBySignature = Pattern(#"^(?:posted by|slået op af|opslag af)\s+(.+?)\s+(?:on|den|d\.)\s+(.+)$"#)
    /// "Name @handle · 4. jan. 2022", the date perhaps only at the foot ("12:34 PM · Jan 4, 2022").
    private static let cardHeader = Pattern(#"^([^.!?:@"“„»]{2,60}?)\s+@([\w.]+)\s*(?:[·•‧]\s*(.*\d.*?))?\s*$"#)
    private static let cardFoot = Pattern(#"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*[·•‧]\s*(.*\d.*?)\s*$"#)
    /// "Se dette opslag på Instagram", "View this post on Instagram": says which platform, shows nothing.
    private static let viewOn = Pattern(#"^(?:se dette (?:opslag|indlæg)|se opslaget|view this post|see this post|watch on|se på)\s+(?:på|on)\s+(\w+)\W*$"#)
    static let embeddedContent = Pattern(#"^(?:indlejret indhold|indlejret opslag|eksternt indhold|embedded content|embedded post)(?:\s+(?:fra|from)\s+(\w+))?\W*$"#)
    static let postChrome = Pattern(#"^(?:(?:se dette (?:opslag|indlæg)|se opslaget|view this post|see this post|watch on)\s+(?:på|on)\s+\w+\W*|pic\.twitter\.com/\S+|https?://\S+|♬.*|\d[\d.,]*\s*(?:k|t|mio\.?)?\s*(?:likes|synes godt om|visninger|views|svar|replies|reposts|retweets|kommentarer|comments))$"#)

    /// A card's handle or middle dot on a line of its own, as copying a card from a page gives it.
    private static let cardPart = Pattern(#"^(?:@[\w.]+|[·•‧].*)$"#)
    /// "... pic.twitter.com/abc — Hanna Liubakova (@HannaLiubakova) January 4, 2022": where the signature starts.
    private static let inlineSignature = Pattern(#"\s[—–]\s*(?=[^—–()]+\(@[\w.-]+\)[^()]*$)"#)

    static func platformName(_ written: String) -> String? {
        ["twitter": "Twitter", "x": "X", "instagram": "Instagram", "facebook": "Facebook", "telegram": "Telegram", "tiktok": "TikTok",
         "bluesky": "Bluesky", "threads": "Threads", "youtube": "YouTube"][written.lowercased()]
    }

    /// A paragraph's lines with a card's parts on one line ("Name" / "@handle" / "·" / "4. jan.")
    /// and a signature that follows its post on the same line ("... — Name (@handle) date") on its own.
    static func postLines(_ paragraph: [Line]) -> [Line] {
        var lines: [Line] = []
        for line in paragraph {
            let text = line.text
            if let last = lines.last, cardPart.contains(text) {
                lines[lines.count - 1].text = last.text + " " + text
            } else if let signature = inlineSignature.firstMatch(in: text) {
                lines.append((line.number, String(text[..<signature.range.lowerBound])))
                lines.append((line.number, "— " + text[signature.range.upperBound...]))
            } else {
                lines.append(line)
            }
        }
        // "Name @handle ·" then the date on its own line.
        return lines.reduce(into: []) { result, line in
            if let last = result.last, last.text.hasSuffix("·") { result[result.count - 1].text += " " + line.text } else { result.append(line) }
        }
    }

    /// A paragraph that signs an embedded post. The post's text is the lines above the
    /// signature, or the paragraph before when the signature stands alone.
    mutating func signedPost(_ paragraph: [Line], index: Int, previous: inout (lines: [Line], index: Int)?) -> Post? {
        let signatures = [Self.twitterSignature, Self.sharedBySignature, Self.postedBySignature]
        guard let signatureIndex = paragraph.lastIndex(where: { line in signatures.contains { $0.contains(Self.unquoted(line.text)) } }) else { return nil }
        let signature = Self.unquoted(paragraph[signatureIndex].text)
        var body = Array(paragraph[..<signatureIndex])
        let shows = body.contains { Self.viewOn.contains(Self.unquoted($0.text)) }
        // The fallback "text — Name (@handle) date" may stand below the paragraph it signs;
        // "View this post on Instagram" says no text was copied.
        if !shows, body.allSatisfy({ Self.postChrome.contains(Self.unquoted($0.text)) }), let before = previous {
            body = before.lines + body
            previous = nil
        }
        if let before = previous { read(before.lines, index: before.index) }
        previous = nil
        let text = postText(body)
        let author: String, handle: String?, dateText: String?
        if let match = Self.twitterSignature.firstMatch(in: signature) {
            (author, handle, dateText) = (match[1]!, match[2], match[3])
        } else if let match = Self.sharedBySignature.firstMatch(in: signature) {
            (author, handle, dateText) = (match[1]!, match[2], match[3])
        } else {
            let match = Self.postedBySignature.firstMatch(in: signature)!
            (author, handle, dateText) = (match[1]!, nil, match[2])
        }
        let fallback = Self.twitterSignature.contains(signature) ? "Twitter" : Self.sharedBySignature.contains(signature) ? "Instagram" : "Facebook"
        let start = body.first ?? paragraph[signatureIndex]
        return post(author: author, handle: handle, dateText: dateText, text: text, clues: (paragraph + body).map(\.text),
                    fallback: fallback, line: start.number, paragraph: index)
    }

    /// A card: "Name @handle · 4. jan. 2022", its text below it (or in the next paragraph), then
    /// "Vis mere". Returns how many paragraphs it took, or nil when the paragraph is no card.
    mutating func cardPost(_ paragraphs: [[Line]], at index: Int) -> Int? {
        let paragraph = paragraphs[index]
        guard let headerIndex = paragraph.firstIndex(where: { Self.cardHeader.contains(Self.cleaned(Self.unquoted($0.text))) }) else { return nil }
        let header = Self.cardHeader.firstMatch(in: Self.cleaned(Self.unquoted(paragraph[headerIndex].text)))!
        var body = Array(paragraph[(headerIndex + 1)...])
        var consumed = 1
        if postText(body).isEmpty, index + 1 < paragraphs.count, !paragraphs[index + 1].contains(where: { Self.cardHeader.contains($0.text) }) {
            body += paragraphs[index + 1]
            consumed = 2
        }
        let foot = body.lazy.compactMap { Self.cardFoot.firstMatch(in: Self.cleaned(Self.unquoted($0.text)))?[1] }.first
        // Without a date in the header or at the foot, "Name @handle" is only a name with a handle.
        guard let dateText = header[3] ?? foot else { return nil }
        let before = Array(paragraph[..<headerIndex])
        if !before.allSatisfy({ Self.postChrome.contains($0.text) || Self.embeddedContent.contains($0.text) || Self.viewOn.contains($0.text) }) {
            read(before, index: index)
        }
        let author = header[1]!.trimmingCharacters(in: CharacterSet.letters.union(.decimalDigits).union(CharacterSet(charactersIn: ")")).inverted)
        let post = post(author: author, handle: header[2], dateText: dateText, text: postText(body), clues: (paragraph + body).map(\.text),
                        fallback: nil, line: body.first?.number ?? paragraph[headerIndex].number, paragraph: index)
        posts.append(post)
        return consumed
    }

    /// The post's text: its lines without chrome, links or the card's foot.
    private func postText(_ lines: [Line]) -> String {
        lines.map { Self.cleaned(Self.unquoted($0.text)) }
            .filter { !Self.postChrome.contains($0) && !Self.chrome.contains($0) && !Self.viewOn.contains($0) && !Self.cardFoot.contains($0)
                && !Self.embeddedContent.contains($0) }
            .joined(separator: " ")
            .replacingOccurrences(of: #"\s*(?:pic\.twitter\.com/|https?://)\S+"#, with: "", options: .regularExpression)
            .trimmingCharacters(in: .whitespaces)
    }

    /// The post, with its platform from what the text shows ("View this post on Instagram", a
    /// link, "Indlejret indhold fra Twitter" just before, a Bluesky handle), and the article's
    /// sentence that introduces it.
    private mutating func post(author: String, handle: String?, dateText: String?, text: String, clues: [String], fallback: String?,
                               line: Int, paragraph: Int) -> Post {
        var hint: String?
        if let embed = missingEmbeds.last, embed.paragraph >= paragraph - 2 {
            hint = embed.platform
            missingEmbeds.removeLast()
        }
        let lowered = clues.joined(separator: " ").lowercased()
        let shown = clues.lazy.compactMap { clue in
            [Self.viewOn, Self.embeddedContent].lazy.compactMap { $0.firstMatch(in: Self.cleaned(Self.unquoted(clue)))?[1].flatMap(Self.platformName) }.first
        }.first
        var platform: String
        if let shown { platform = shown }
        else if let hint { platform = hint }
        else if handle?.contains(".") == true || lowered.contains("bsky.app") { platform = "Bluesky" }
        else if lowered.contains("instagram.com") { platform = "Instagram" }
        else if lowered.contains("facebook.com") { platform = "Facebook" }
        else if lowered.contains("t.me/") { platform = "Telegram" }
        else if lowered.contains("tiktok.com") { platform = "TikTok" }
        else if lowered.contains("x.com/") { platform = "X" }
        else if let fallback { platform = fallback }
        // A card from after Twitter became X (24 July 2023) is X's.
        else if let day = dateText.flatMap(DateResolver.dayWithYear), day >= CalendarDay(year: 2023, month: 7, day: 24) { platform = "X" }
        else { platform = "Twitter" }
        let introduction = introduction(of: author, on: platform, paragraph: paragraph)
        return Post(author: author, platform: platform, dateText: dateText.flatMap { $0.isEmpty ? nil : $0 }, text: text, line: line, column: 1,
                    paragraph: paragraph, introduction: introduction.map { sentences[$0].text }, introductionIndex: introduction)
    }

    private static let sharing = Pattern(#"\b(?:delte|delt|deler|lagde|lagt|offentliggjorde|skrev|filmet|filmede|video|opslag|billeder|shared|posted|wrote|filmed|footage)\b"#)

    /// The sentence just before the post that introduces it: one that ends with a colon, or
    /// names the post's author and that it was shared ("... delt på Twitter af journalisten Hanna Liubakova.").
    private func introduction(of author: String, on platform: String, paragraph: Int) -> Int? {
        guard let last = sentences.indices.last, sentences[last].paragraph >= paragraph - 2, !sentences[last].isQuote else { return nil }
        let text = sentences[last].text
        if text.hasSuffix(":") { return last }
        let surname = author.split(separator: " ").last.map(String.init) ?? author
        return surname.count >= 3 && text.contains(surname) && (text.contains(platform) || Self.sharing.contains(text)) ? last : nil
    }
}

import Foundation
