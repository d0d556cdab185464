import Foundation
import Markdown

/// A post from social media, or a video, shown as a static card: the text, who wrote it and
/// when, and a link to the original. No script, no iframe, no request to the platform.
///
///     ```embed
///     url: https://twitter.com/HannaLiubakova/status/1478426468398702592
///     author: Hanna Liubakova
///     handle: "@HannaLiubakova"
///     date: 2022-01-04
///     text: Kazakhstan: protesters demand that the government resign.
///     image: almaty-video.jpg
///     ```
///
/// A video (YouTube, Vimeo, or `kind: video` for a newsroom's own) shows its poster, a photo
/// beside the text (`image`), linked to the video.
struct EmbedCard: Sendable {
    enum Kind: String, Sendable {
        case post, video
    }

    static let keys = ["url", "author", "handle", "date", "text", "image", "platform", "kind"]

    var url: String
    var author: String?
    var handle: String?
    var date: ContentDate?
    var text: String
    var image: Located<String>?
    var platform: String
    var kind: Kind

    static func isEmbed(_ info: String) -> Bool {
        info.split(separator: " ").first == "embed"
    }

    /// Reads a block's fields with whole-file positions; nil when it cannot be shown.
    static func parse(_ code: String, path: String, fenceLine: Int) -> (EmbedCard?, [Diagnostic]) {
        let (read, syntaxError) = FieldReader.fencedBlock(code, path: path, fenceLine: fenceLine, what: "an ```embed block", keys: keys)
        guard var fields = read else { return (nil, syntaxError) }
        // Present (`requiredString`), then checked as every address a content file gives is (`SafeURL`).
        let url = fields.requiredString("url", example: "https://twitter.com/HannaLiubakova/status/1478426468398702592") == nil
            ? nil : fields.url("url", kind: .elsewhere)?.text
        let author = fields.string("author"), handle = fields.string("handle")
        let date = fields.date("date")
        let text = fields.string("text") ?? ""
        let image = fields.string("image").map { Located(value: $0, location: fields.value("image")!.location) }
        var kind = url.map { Self.platform(of: $0).isVideo ? Kind.video : .post } ?? .post
        if let written = fields.string("kind") {
            if let known = Kind(rawValue: written) { kind = known } else {
                fields.report(.error(fields.value("kind")!.location, "`kind` is `post` or `video`, not `\(written)`"))
            }
        }
        switch kind {
        case .post:
            if author == nil, handle == nil {
                fields.report(.error(fields.location, "an embedded post needs who wrote it: `author: Hanna Liubakova` and/or `handle: \"@HannaLiubakova\"`"))
            }
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                fields.report(.error(fields.location, "an embedded post needs its text, copied from the original: `text: ...`"))
            }
        case .video:
            if image == nil {
                fields.report(.error(fields.location, "an embedded video needs a poster, a photo beside the text: `image: almaty-video.jpg`"))
            }
        }
        guard let url, !fields.diagnostics.hasErrors else { return (nil, fields.diagnostics) }
        let platform = fields.string("platform") ?? Self.platform(of: url).name
        return (EmbedCard(url: url, author: author, handle: handle, date: date, text: text, image: image, platform: platform, kind: kind),
                fields.diagnostics)
    }

    /// The ```embed blocks of a body, each with the line of its fence in the file.
    static func blocks(in body: Body) -> [(code: String, fenceLine: Int)] {
        guard body.embeds.contains(.card) else { return [] }
        var found: [(String, Int)] = []
        body.document.blocks.forEachBlock { block in
            if case .codeBlock(let info, let code, let position) = block, isEmbed(info) {
                found.append((code, body.firstLine + position.line - 1))
            }
        }
        return found
    }

    /// The platform a URL is on, by its host, and whether it is a video site.
    static func platform(of url: String) -> (name: String, isVideo: Bool) {
        let host = URLComponents(string: url)?.host?.lowercased() ?? ""
        let bare = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        let known: [String: (String, Bool)] = [
            "twitter.com": ("X", false), "x.com": ("X", false), "mobile.twitter.com": ("X", false),
            "facebook.com": ("Facebook", false), "instagram.com": ("Instagram", false), "t.me": ("Telegram", false),
            "tiktok.com": ("TikTok", false), "bsky.app": ("Bluesky", false), "threads.net": ("Threads", false),
            "youtube.com": ("YouTube", true), "m.youtube.com": ("YouTube", true), "youtu.be": ("YouTube", true),
            "vimeo.com": ("Vimeo", true),
        ]
        if let (name, isVideo) = known[bare] { return (name, isVideo) }
        return (bare.isEmpty ? url : bare, false)
    }
}
