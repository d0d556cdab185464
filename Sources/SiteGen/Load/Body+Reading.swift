import Markdown

extension Body {
    /// A body as it is read from a content file: parsed, its photos made figures, its
    /// ```embed blocks checked, with everything found wrong in it at its lines.
    static func read(_ text: String, path: String, firstLine: Int, stamp: SourceStamp) -> (Body, [Diagnostic]) {
        var document = MarkdownParser.parse(text)
        let (blocks, figureProblems) = Figures.read(document.blocks, path: path, firstLine: firstLine)
        document.blocks = blocks
        let body = Body(document: document, firstLine: firstLine, sourcePath: path, stamp: stamp)
        let embedProblems = EmbedCard.blocks(in: body).flatMap { EmbedCard.parse($0.code, path: path, fenceLine: $0.fenceLine).1 }
        return (body, figureProblems + embedProblems + body.diagnostics(path: path))
    }

    /// What reading the text found, at its lines in the file: nesting deeper than sitegen keeps
    /// as a tree (see `MarkdownParser.maximumDepth`) and footnotes without a note or notes
    /// without a reference.
    func diagnostics(path: String) -> [Diagnostic] {
        var diagnostics = document.problems.compactMap { problem in
            Self.diagnostic(problem.kind, at: location(problem.position, path: path))
        }
        if let position = document.flattenedAt {
            diagnostics.append(.warning(location(position, path: path),
                "quotes, lists or emphasis nest more than \(MarkdownParser.maximumDepth) levels deep here; what lies deeper is shown as plain text. Nest fewer `>`, list levels or `*`"))
        }
        return diagnostics
    }

    /// A position in the body as a place in its file.
    func location(_ position: SourcePosition, path: String) -> SourceLocation {
        SourceLocation(path: path, line: firstLine + position.line - 1, column: position.column)
    }

    /// Raw HTML in the text: left out of the page in safe mode (the default), or, where it is
    /// let through, a warning when it would make readers' browsers load from another site.
    func rawHTMLWarnings(allowed: Bool) -> [Diagnostic] {
        document.problems.compactMap { problem in
            guard case .rawHTML(let html) = problem.kind else { return nil }
            let at = location(problem.position, path: sourcePath)
            let shown = html.split(separator: "\n").first.map { $0.count > 60 ? $0.prefix(60) + "…" : $0 } ?? ""
            if !allowed {
                guard !html.hasPrefix("<!--") else { return nil }
                return .warning(at, "raw HTML `\(shown)` is left out of the page (the site is in safe mode); for a post or a video use an ```embed block")
            }
            let lowered = html.lowercased()
            guard ["<iframe", "<script", "<embed", "<object", "src=\"http", "src='http", "src=\"//"].contains(where: lowered.contains) else { return nil }
            return .warning(at, "raw HTML `\(shown)` makes readers' browsers load from another site; for a post or a video use an ```embed block")
        }
    }

    private static func diagnostic(_ kind: MarkdownProblem.Kind, at location: SourceLocation) -> Diagnostic? {
        switch kind {
        case .rawHTML:
            nil
        case .unknownFootnote(let label):
            .error(location, "footnote `[^\(label)]` has no note; write the note on a line of its own: `[^\(label)]: ...`")
        case .unusedFootnote(let label):
            .warning(location, "note `[^\(label)]` is not referred to anywhere, so it is not shown; refer to it in the text with `[^\(label)]`")
        case .duplicateFootnote(let label):
            .error(location, "a second note `[^\(label)]`; give each note its own label")
        }
    }
}
