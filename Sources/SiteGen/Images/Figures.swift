import Foundation
import Markdown

/// Photos in a body, read when the body is: an image alone in a paragraph, or a ```figure
/// block, becomes a `.figure` node with its caption and credit; every image must say what
/// it shows (`alt`), and only a ```figure block can mark one decorative (`alt: ""`).
///
///     ```figure
///     src: demonstration.jpg
///     alt: Demonstranter med skilte foran borgmesterkontoret
///     caption: Demonstrationen i Almaty onsdag.
///     credit: "Foto: Pavel Mikheyev/Reuters"
///     width: 960
///     ```
enum Figures {
    static let keys = ["src", "alt", "caption", "credit", "width"]

    /// The blocks with their figures made, and what is wrong with them, at their lines.
    static func read(_ blocks: [BlockNode], path: String, firstLine: Int) -> ([BlockNode], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let fileLocation = { (position: SourcePosition) in
            SourceLocation(path: path, line: firstLine + position.line - 1, column: position.column)
        }
        let rewritten = blocks.rewritingBlocks { block in
            switch block {
            case .paragraph(let inlines):
                guard inlines.count == 1, case .image(let source, let title, let alt, let position) = inlines[0] else { return nil }
                let (caption, credit) = splitCredit(title)
                let figure = Figure(source: source, alt: alt.isEmpty ? nil : alt.plainText,
                                    caption: caption.isEmpty ? [] : [.text(caption)], credit: credit, position: position)
                return [.figure(figure)]
            case .codeBlock(let info, let code, let position) where info.split(separator: " ").first == "figure":
                let fenceLine = firstLine + position.line - 1
                let (figure, problems) = parse(code, path: path, fenceLine: fenceLine, firstLine: firstLine, position: position)
                diagnostics += problems
                return figure.map { [.figure($0)] } ?? []
            default:
                return nil
            }
        }
        rewritten.forEachBlock { block in
            if case .figure(let figure) = block, figure.alt == nil {
                diagnostics.append(.error(fileLocation(figure.position), missingAlt(figure.source)))
            }
        }
        rewritten.forEachInline { inline in
            if case .image(let source, _, let alt, let position) = inline, alt.isEmpty {
                diagnostics.append(.error(fileLocation(position), missingAlt(source)))
            }
        }
        return (rewritten, diagnostics)
    }

    private static func missingAlt(_ source: String) -> String {
        "image `\(source)` does not say what it shows; describe it between the brackets, e.g. `![Demonstranter foran borgmesterkontoret](\(source))` (a purely decorative image goes in a ```figure block with `alt: \"\"`)"
    }

    /// A ```figure block's fields; nil when it cannot be shown.
    private static func parse(_ code: String, path: String, fenceLine: Int, firstLine: Int, position: SourcePosition) -> (Figure?, [Diagnostic]) {
        let (read, syntaxError) = FieldReader.fencedBlock(code, path: path, fenceLine: fenceLine, what: "a ```figure block", keys: keys)
        guard var fields = read else { return (nil, syntaxError) }
        let source = fields.requiredString("src", example: "demonstration.jpg")
        let alt = fields.string("alt")
        if alt == nil, fields.value("alt") == nil {
            fields.report(.error(fields.location, "missing `alt`: say what the photo shows, e.g. `alt: Demonstranter foran borgmesterkontoret` (`alt: \"\"` for a purely decorative image)"))
        }
        let captionLocation = fields.value("caption")?.location
        let caption = fields.string("caption").map { inlines($0, at: captionLocation, firstLine: firstLine) } ?? []
        let credit = fields.string("credit") ?? ""
        var width: Int?
        if let number = fields.number("width") {
            if number >= 1, number == number.rounded() { width = Int(number) } else {
                fields.report(.error(fields.value("width")?.location ?? fields.location, "`width` is the largest width in pixels to show the photo at, e.g. `width: 480`"))
            }
        }
        guard let source else { return (nil, fields.diagnostics) }
        // Without an alt (reported above) the figure is still made, so its image is checked too.
        return (Figure(source: source, alt: alt ?? "", caption: caption, credit: credit, width: width, position: position), fields.diagnostics)
    }

    /// A caption written in a field, as inlines with their places in the file.
    private static func inlines(_ text: String, at location: SourceLocation?, firstLine: Int) -> [InlineNode] {
        guard case .paragraph(let inlines)? = MarkdownParser.parse(text).blocks.first else { return [.text(text)] }
        guard let location else { return inlines }
        let blocks = [BlockNode.paragraph(inlines)].rewritingEachInline { inline in
            switch inline {
            case .link(let destination, let title, let content, let position):
                return [.link(destination: destination, title: title, content: content, position: shifted(position, to: location, firstLine: firstLine))]
            case .image(let source, let title, let alt, let position):
                return [.image(source: source, title: title, alt: alt, position: shifted(position, to: location, firstLine: firstLine))]
            default:
                return nil
            }
        }
        return blocks.first?.inlines ?? inlines
    }

    /// Positions in a field's text count from the body's first line, like every other
    /// position in the body; the field's own place says where that is.
    private static func shifted(_ position: SourcePosition, to location: SourceLocation, firstLine: Int) -> SourcePosition {
        SourcePosition(line: location.line - firstLine + position.line, column: location.column + position.column - 1)
    }

    /// Words that start a photo credit in an image's title, in the languages sitegen ships.
    static let creditWords = ["Foto", "Fotos", "Photo", "Photos", "Illustration", "Grafik", "Graphic", "Video", "Kilde", "Source"]

    /// `"Demonstranter i Almaty. Foto: Pavel Mikheyev/Reuters"` → the caption and the credit:
    /// the credit starts at a credit word and a colon, at the start or after a sentence.
    static func splitCredit(_ title: String) -> (caption: String, credit: String) {
        for word in creditWords {
            if title.hasPrefix(word + ":") { return ("", title) }
            for separator in [". ", "! ", "? ", " – ", " - "] {
                if let range = title.range(of: separator + word + ":", options: .backwards) {
                    let caption = title[..<range.lowerBound] + separator.prefix(1).trimmingCharacters(in: .whitespaces)
                    return (String(caption), String(title[title.index(range.lowerBound, offsetBy: separator.count)...]))
                }
            }
        }
        return (title, "")
    }
}
