/// Writes a `MarkdownDocument` as HTML. The output follows cmark's own HTML conventions (and
/// cmark-gfm's for the extensions' elements); the hooks are where a site changes links and
/// images without touching HTML strings.
public struct HTMLRenderer: Sendable {
    /// Lets raw HTML from the Markdown through; off by default, as in cmark's safe mode.
    public var allowsRawHTML: Bool
    /// Maps a link or image destination written by the editor to the one written to HTML.
    public var resolveDestination: @Sendable (String) -> String
    /// The words the renderer writes itself, in the page's language.
    public var labels = Labels()
    /// Starts the ids of notes (`fn-<prefix>1`), so the notes of several texts shown on one
    /// page do not share ids.
    public var footnotePrefix = ""
    /// Ids to write instead of those `footnotePrefix` gives (listed by `footnoteIDs(in:)`),
    /// where the page has such an id already.
    public var renamedFootnoteIDs: [String: String] = [:]
    /// The ids of the headings without one in the tree, in the order they are written: a site
    /// gives headings their ids without copying the tree to put them in it.
    public var headingIDs: [String] = []
    /// Writes an image (an `<img>` or `<picture>`); nil from it, or no hook, gives cmark's `<img>`.
    public var imageHTML: (@Sendable (ImageRequest) -> String?)?
    /// Writes a figure; nil from it, or no hook, gives a plain `<figure>`.
    public var figureHTML: (@Sendable (FigureRequest) -> String?)?

    public struct Labels: Sendable {
        /// Names the notes section for screen readers.
        public var footnotes: String
        /// The link from a note back to where the text refers to it.
        public var backToText: String

        public init(footnotes: String = "Notes", backToText: String = "Back to the text") {
            self.footnotes = footnotes
            self.backToText = backToText
        }
    }

    /// An image for `imageHTML`.
    public struct ImageRequest: Sendable {
        /// As the editor wrote it.
        public var source: String
        public var alt: String
        public var title: String
        /// 0 for the first image of the document (figure or inline), then 1, 2, ...: the first
        /// is usually on the first screen, the others can load lazily.
        public var index: Int
    }

    /// A figure for `figureHTML`, with its caption already written as HTML.
    public struct FigureRequest: Sendable {
        public var figure: Figure
        public var captionHTML: String
        public var index: Int
    }

    public init(allowsRawHTML: Bool = false, resolveDestination: @escaping @Sendable (String) -> String = { $0 }) {
        self.allowsRawHTML = allowsRawHTML
        self.resolveDestination = resolveDestination
    }

    public func render(_ document: MarkdownDocument) -> String {
        String(decoding: renderBytes(document), as: UTF8.self)
    }

    /// The HTML in UTF-8, for a page written as bytes: a `String` of it checks every byte again.
    public func renderBytes(_ document: MarkdownDocument) -> [UInt8] {
        var output = HTMLOutput()
        output.bytes.reserveCapacity(4096)
        for block in document.blocks {
            write(block, tight: false, into: &output)
        }
        return output.bytes
    }

    public func render(inlines: [InlineNode]) -> String {
        var output = HTMLOutput()
        write(inlines, into: &output)
        return output.text
    }

    private func write(_ block: BlockNode, tight: Bool, into output: inout HTMLOutput) {
        switch block {
        case .paragraph(let inlines):
            if tight {
                // cmark's layout: a tight list item's paragraph has no <p> and no line break.
                write(inlines, into: &output)
            } else {
                output.newLine()
                output += "<p>"
                write(inlines, into: &output)
                output += "</p>\n"
            }
        case .heading(let level, let content, var id, _):
            output.newLine()
            if id.isEmpty, output.headings < headingIDs.count {
                id = headingIDs[output.headings]
                output.headings += 1
            }
            output += id.isEmpty ? "<h\(level)>" : "<h\(level) id=\"\(HTMLEscaping.escape(id))\">"
            write(content, into: &output)
            output += "</h\(level)>\n"
        case .blockQuote(let children):
            output.newLine()
            output += "<blockquote>\n"
            for child in children { write(child, tight: false, into: &output) }
            output += "</blockquote>\n"
        case .list(let kind, let isTight, let items):
            output.newLine()
            writeList(kind: kind, tight: isTight, items: items, into: &output)
        case .codeBlock(let info, let code, _):
            output.newLine()
            // cmark's rule: the language is the info string up to the first whitespace.
            let language = String(info.prefix(while: { !$0.isWhitespace }))
            output += language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(HTMLEscaping.escape(language))\">"
            output.appendEscaped(code)
            output += "</code></pre>\n"
        case .html(let html):
            output.newLine()
            output += allowsRawHTML ? html : "<!-- raw HTML omitted -->\n"
        case .thematicBreak:
            output.newLine()
            output += "<hr>\n"
        case .trustedHTML(let html):
            output += html
        case .table(let table):
            output.newLine()
            writeTable(table, into: &output)
        case .figure(let figure):
            output.newLine()
            writeFigure(figure, into: &output)
        case .footnotes(let notes):
            output.newLine()
            writeFootnotes(notes, into: &output)
        }
    }

    private func writeList(kind: ListKind, tight: Bool, items: [[BlockNode]], into output: inout HTMLOutput) {
        let tag: String
        switch kind {
        case .bullet:
            tag = "ul"
            output += "<ul>\n"
        case .ordered(let start):
            tag = "ol"
            output += start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
        }
        for item in items {
            output += "<li>"
            for child in item {
                write(child, tight: tight, into: &output)
            }
            output += "</li>\n"
        }
        output += "</\(tag)>\n"
    }

    /// cmark-gfm's table, in a container that scrolls sideways on a narrow screen (focusable,
    /// so it scrolls from the keyboard too), with header cells scoped to their columns and
    /// alignment as a class (HTML5 has no `align`).
    private func writeTable(_ table: Table, into output: inout HTMLOutput) {
        let caption = table.caption.plainText
        output += caption.isEmpty ? "<div class=\"table-scroll\" tabindex=\"0\">\n"
            : "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(HTMLEscaping.escape(caption))\">\n"
        output += "<table>\n"
        if !table.caption.isEmpty {
            output += "<caption>"
            write(table.caption, into: &output)
            output += "</caption>\n"
        }
        func row(_ cells: [[InlineNode]], tag: String) {
            output += "<tr>\n"
            for (column, cell) in cells.enumerated() {
                output += tag == "th" ? "<th scope=\"col\"" : "<td"
                switch table.alignments[column] {
                case .none: break
                case .left: output += " class=\"align-left\""
                case .center: output += " class=\"align-center\""
                case .right: output += " class=\"align-right\""
                }
                output += ">"
                write(cell, into: &output)
                output += "</\(tag)>\n"
            }
            output += "</tr>\n"
        }
        output += "<thead>\n"
        row(table.header, tag: "th")
        output += "</thead>\n"
        if !table.rows.isEmpty {
            output += "<tbody>\n"
            for cells in table.rows { row(cells, tag: "td") }
            output += "</tbody>\n"
        }
        output += "</table>\n</div>\n"
    }

    private func writeFigure(_ figure: Figure, into output: inout HTMLOutput) {
        var caption = HTMLOutput()
        write(figure.caption, into: &caption)
        let index = output.images
        output.images += 1
        if let html = figureHTML?(FigureRequest(figure: figure, captionHTML: caption.text, index: index)) {
            output += html
            return
        }
        output += "<figure>\n"
        output += imageHTML?(ImageRequest(source: figure.source, alt: figure.alt ?? "", title: "", index: index))
            ?? "<img src=\"\(href(figure.source))\" alt=\"\(HTMLEscaping.escape(figure.alt ?? ""))\">"
        output += "\n"
        if !figure.caption.isEmpty || !figure.credit.isEmpty {
            output += "<figcaption>" + caption.text
            if !figure.credit.isEmpty {
                output += (figure.caption.isEmpty ? "" : " ") + "<span class=\"credit\">\(HTMLEscaping.escape(figure.credit))</span>"
            }
            output += "</figcaption>\n"
        }
        output += "</figure>\n"
    }

    /// The notes, each with a link back to every place the text refers to it.
    private func writeFootnotes(_ notes: [Footnote], into output: inout HTMLOutput) {
        output += "<section class=\"footnotes\" aria-label=\"\(HTMLEscaping.escape(labels.footnotes))\">\n<ol>\n"
        for note in notes {
            output += "<li id=\"\(noteID(note.number))\">\n"
            var backLinks = ""
            for occurrence in 1...max(1, note.references) {
                let mark = occurrence == 1 ? "↩\u{FE0E}" : "↩\u{FE0E}<sup>\(occurrence)</sup>"
                backLinks += " <a href=\"#\(referenceID(note.number, occurrence))\" class=\"footnote-back\" aria-label=\"\(HTMLEscaping.escape(labels.backToText))\">\(mark)</a>"
            }
            var blocks = note.blocks
            if case .paragraph(let inlines)? = blocks.last {
                blocks.removeLast()
                for block in blocks { write(block, tight: false, into: &output) }
                output.newLine()
                output += "<p>"
                write(inlines, into: &output)
                output += backLinks + "</p>\n"
            } else {
                for block in blocks { write(block, tight: false, into: &output) }
                output.newLine()
                output += "<p>" + backLinks.dropFirst() + "</p>\n"
            }
            output += "</li>\n"
        }
        output += "</ol>\n</section>\n"
    }

    /// Every id the notes of `blocks` are written with, before `renamedFootnoteIDs`: each
    /// note's, then those of the places that refer to it, in the order of the notes.
    public func footnoteIDs(in blocks: [BlockNode]) -> [String] {
        var ids: [String] = []
        // The notes are one block at the end of the document (`FootnoteDefinitions`), never
        // inside another: no walk of the whole tree for them.
        for block in blocks {
            guard case .footnotes(let notes) = block else { continue }
            for note in notes {
                ids.append(plainNoteID(note.number))
                for occurrence in 1...max(1, note.references) { ids.append(plainReferenceID(note.number, occurrence)) }
            }
        }
        return ids
    }

    private func plainNoteID(_ number: Int) -> String {
        "fn-\(footnotePrefix)\(number)"
    }

    private func plainReferenceID(_ number: Int, _ occurrence: Int) -> String {
        "fnref-\(footnotePrefix)\(number)" + (occurrence > 1 ? "-\(occurrence)" : "")
    }

    private func noteID(_ number: Int) -> String {
        let id = plainNoteID(number)
        return HTMLEscaping.escape(renamedFootnoteIDs[id] ?? id)
    }

    private func referenceID(_ number: Int, _ occurrence: Int) -> String {
        let id = plainReferenceID(number, occurrence)
        return HTMLEscaping.escape(renamedFootnoteIDs[id] ?? id)
    }

    private func write(_ inlines: [InlineNode], into output: inout HTMLOutput) {
        for inline in inlines {
            write(inline, into: &output)
        }
    }

    private func write(_ inline: InlineNode, into output: inout HTMLOutput) {
        switch inline {
        case .text(let text):
            output.appendEscaped(text)
        case .softBreak:
            output += "\n"
        case .lineBreak:
            output += "<br>\n"
        case .code(let code):
            output += "<code>"
            output.appendEscaped(code)
            output += "</code>"
        case .html(let html):
            output += allowsRawHTML ? html : "<!-- raw HTML omitted -->"
        case .emphasis(let children):
            output += "<em>"
            write(children, into: &output)
            output += "</em>"
        case .strong(let children):
            output += "<strong>"
            write(children, into: &output)
            output += "</strong>"
        case .strikethrough(let children):
            output += "<del>"
            write(children, into: &output)
            output += "</del>"
        case .link(let destination, let title, let content, _):
            output += "<a href=\"\(href(destination))\""
            if !title.isEmpty { output += " title=\"\(HTMLEscaping.escape(title))\"" }
            output += ">"
            write(content, into: &output)
            output += "</a>"
        case .image(let source, let title, let alt, _):
            let index = output.images
            output.images += 1
            if let html = imageHTML?(ImageRequest(source: source, alt: alt.plainText, title: title, index: index)) {
                output += html
                return
            }
            output += "<img src=\"\(href(source))\" alt=\"\(HTMLEscaping.escape(alt.plainText))\""
            if !title.isEmpty { output += " title=\"\(HTMLEscaping.escape(title))\"" }
            output += ">"
        case .footnoteReference(_, let number, let occurrence, _):
            output += "<sup class=\"footnote-ref\"><a href=\"#\(noteID(number))\" id=\"\(referenceID(number, occurrence))\">\(number)</a></sup>"
        case .trustedHTML(let html):
            output += html
        }
    }

    private func href(_ destination: String) -> String {
        guard !HTMLEscaping.isDangerousURL(destination) else { return "" }
        return HTMLEscaping.escapeURL(resolveDestination(destination))
    }
}

/// The HTML of a body as it is written, in UTF-8 bytes: appending to a `String` piece by
/// piece cost as much as the rest of rendering, and the text made at the end has no slack.
struct HTMLOutput {
    var bytes: [UInt8] = []
    /// How many images are written so far: the first may be on the first screen, later ones load lazily.
    var images = 0
    /// How many of `HTMLRenderer.headingIDs` are written so far.
    var headings = 0

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Starts a new line unless the output is empty or already at one, like cmark's `cr()`.
    mutating func newLine() {
        if let last = bytes.last, last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
    }

    static func += (output: inout HTMLOutput, text: String) {
        output.bytes.append(contentsOf: text.utf8)
    }

    /// `HTMLEscaping.escape(text)`, written straight into the output.
    mutating func appendEscaped(_ text: String) {
        text.withUTF8Bytes { HTMLEscaping.appendEscaped($0, to: &bytes) }
    }
}
