/// The tags of a Mustache template with where each stands, for the checks swift-mustache does
/// not make: partials that do not exist, sections never closed, names the view model lacks.
struct TemplateTag {
    enum Kind {
        /// `{{name}}`
        case variable
        /// `{{{name}}}` or `{{&name}}`
        case unescaped
        /// `{{#name}}`
        case section
        /// `{{^name}}`
        case inverted
        /// `{{/name}}`
        case close
        /// `{{>name}}`
        case partial
        /// `{{<name}}`
        case parent
        /// `{{$name}}`
        case block
        /// Comments, pragmas and delimiter changes.
        case other
    }

    var kind: Kind
    /// As written, without the marker and surrounding spaces: `page.title`, `empty(places)`.
    var name: String
    var location: SourceLocation

    /// The name without transforms (`places` in `empty(places)`, empty in `last()`), and the
    /// transforms from the outermost in.
    var lookup: (name: String, transforms: [String]) {
        var transforms: [String] = []
        var rest = name[...]
        while let open = rest.firstIndex(of: "("), rest.hasSuffix(")") {
            transforms.append(String(rest[..<open]))
            rest = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
        }
        return (String(rest), transforms)
    }

    /// Every tag of `text`, in order; delimiter changes (`{{=<% %>=}}`) are followed.
    static func scan(_ text: String, path: String) -> [TemplateTag] {
        var tags: [TemplateTag] = []
        var (open, close) = ("{{", "}}")
        var outer: [(String, String)] = []
        var rest = text[...]
        var (line, lineStart, scanned) = (1, text.startIndex, text.startIndex)
        func location(of index: String.Index) -> SourceLocation {
            for position in text[scanned..<index].indices where text[position] == "\n" {
                line += 1
                lineStart = text.index(after: position)
            }
            scanned = index
            return SourceLocation(path: path, line: line, column: text.distance(from: lineStart, to: index) + 1)
        }
        while let start = rest.range(of: open) {
            var inner = rest[start.upperBound...]
            var closing = close
            // `{{{name}}}`: only with the standard delimiters.
            if open == "{{", inner.first == "{" { closing = "}" + close }
            guard let end = inner.range(of: closing) else { break }
            let at = location(of: start.lowerBound)
            inner = inner[..<end.lowerBound]
            rest = rest[end.upperBound...]
            let body = inner.trimmingWhitespace
            let kind: Kind
            switch body.first {
            case "{", "&": kind = .unescaped
            case "#": kind = .section
            case "^": kind = .inverted
            case "/": kind = .close
            case ">": kind = .partial
            case "<": kind = .parent
            case "$": kind = .block
            case "!", "%", "=": kind = .other
            default: kind = .variable
            }
            // swift-mustache keeps a delimiter change to the section it is made in.
            switch kind {
            case .section, .inverted, .block, .parent: outer.append((open, close))
            case .close: if let delimiters = outer.popLast() { (open, close) = delimiters }
            default: break
            }
            if body.first == "=", body.hasSuffix("="), body.count > 2 {
                let delimiters = body.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
                if delimiters.count == 2 { (open, close) = (String(delimiters[0]), String(delimiters[1])) }
            }
            let name = kind == .variable ? body : body.dropFirst().trimmingWhitespace
            tags.append(TemplateTag(kind: kind, name: String(name), location: at))
        }
        return tags
    }
}

extension Substring {
    fileprivate var trimmingWhitespace: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
