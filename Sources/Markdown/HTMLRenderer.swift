/// Writes a `MarkdownDocument` as HTML. The output follows cmark's own HTML conventions;
/// the hooks are where a site changes links without touching HTML strings.
public struct HTMLRenderer: Sendable {
    /// Lets raw HTML from the Markdown through; off by default, as in cmark's safe mode.
    public var allowsRawHTML: Bool
    /// Maps a link or image destination written by the editor to the one written to HTML.
    public var resolveDestination: @Sendable (String) -> String

    public init(allowsRawHTML: Bool = false, resolveDestination: @escaping @Sendable (String) -> String = { $0 }) {
        self.allowsRawHTML = allowsRawHTML
        self.resolveDestination = resolveDestination
    }

    public func render(_ document: MarkdownDocument) -> String {
        var output = HTMLOutput()
        output.bytes.reserveCapacity(4096)
        for block in document.blocks {
            write(block, tight: false, into: &output)
        }
        return output.text
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
                newLine(&output)
                output += "<p>"
                write(inlines, into: &output)
                output += "</p>\n"
            }
        case .heading(let level, let content, let id, _):
            newLine(&output)
            output += id.isEmpty ? "<h\(level)>" : "<h\(level) id=\"\(HTMLEscaping.escape(id))\">"
            write(content, into: &output)
            output += "</h\(level)>\n"
        case .blockQuote(let children):
            newLine(&output)
            output += "<blockquote>\n"
            for child in children { write(child, tight: false, into: &output) }
            output += "</blockquote>\n"
        case .list(let kind, let isTight, let items):
            newLine(&output)
            writeList(kind: kind, tight: isTight, items: items, into: &output)
        case .codeBlock(let info, let code, _):
            newLine(&output)
            // cmark's rule: the language is the info string up to the first whitespace.
            let language = String(info.prefix(while: { !$0.isWhitespace }))
            output += language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(HTMLEscaping.escape(language))\">"
            output.appendEscaped(code)
            output += "</code></pre>\n"
        case .html(let html):
            newLine(&output)
            output += allowsRawHTML ? html : "<!-- raw HTML omitted -->\n"
        case .thematicBreak:
            newLine(&output)
            output += "<hr>\n"
        case .trustedHTML(let html):
            output += html
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

    /// Starts a new line unless the output is empty or already at one, like cmark's `cr()`.
    private func newLine(_ output: inout HTMLOutput) {
        if let last = output.bytes.last, last != UInt8(ascii: "\n") {
            output += "\n"
        }
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
        case .link(let destination, let title, let content, _):
            output += "<a href=\"\(href(destination))\""
            if !title.isEmpty { output += " title=\"\(HTMLEscaping.escape(title))\"" }
            output += ">"
            write(content, into: &output)
            output += "</a>"
        case .image(let source, let title, let alt, _):
            output += "<img src=\"\(href(source))\" alt=\"\(HTMLEscaping.escape(alt.plainText))\""
            if !title.isEmpty { output += " title=\"\(HTMLEscaping.escape(title))\"" }
            output += ">"
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

    var text: String { String(decoding: bytes, as: UTF8.self) }

    static func += (output: inout HTMLOutput, text: String) {
        output.bytes.append(contentsOf: text.utf8)
    }

    /// `HTMLEscaping.escape(text)`, written straight into the output.
    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { HTMLEscaping.appendEscaped($0, to: &bytes) }
    }
}
