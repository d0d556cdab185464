import Markdown

extension Body {
    /// A warning where the text nests deeper than sitegen keeps as a tree (see
    /// `MarkdownParser.maximumDepth`); what lies deeper is shown as plain text.
    func nestingWarnings(path: String) -> [Diagnostic] {
        guard let position = document.flattenedAt else { return [] }
        let location = SourceLocation(path: path, line: firstLine + position.line - 1, column: position.column)
        return [.warning(location,
            "quotes, lists or emphasis nest more than \(MarkdownParser.maximumDepth) levels deep here; what lies deeper is shown as plain text. Nest fewer `>`, list levels or `*`")]
    }
}
