/// Templates that include or extend each other in a loop (`{{> partials/a}}` in partials/a, two
/// partials naming each other, `{{<layout}}` in layout.mustache): swift-mustache would recurse
/// until the stack runs out and sitegen would crash seconds later, so each loop is reported at
/// load, naming the templates in it.
///
/// A loop can also run through blocks: a template that extends `layout` fills layout's blocks
/// for everything rendered beneath them, so `layout` brought in again from inside those blocks
/// (a `{{<layout}}` there, or a page that extends it, included) renders the same blocks again,
/// and so on. The fuzzing run found both: `{{>timeline}}` in partials/sources, which
/// event.mustache includes, and `{{<layout}}{{/layout}}` inside timeline.mustache's blocks.
enum TemplateCycles {
    /// A `{{>partial}}` or `{{<parent}}` tag.
    typealias Reference = TemplateTag

    /// `tags` are every template's tags, by the template's name.
    static func check(_ tags: [String: [TemplateTag]]) -> [Diagnostic] {
        let references = tags.mapValues { $0.filter { $0.kind == .partial || $0.kind == .parent } }
        var diagnostics: [Diagnostic] = []
        var done: Set<String> = []
        var path: [String] = []
        func visit(_ name: String) {
            path.append(name)
            for reference in references[name] ?? [] where !done.contains(reference.name) {
                if let start = path.firstIndex(of: reference.name) {
                    diagnostics.append(.error(reference.location, message(Array(path[start...]) + [reference.name], closedBy: reference)))
                } else if references[reference.name] != nil {
                    visit(reference.name)
                }
            }
            path.removeLast()
            done.insert(name)
        }
        for name in references.keys.sorted() where !done.contains(name) { visit(name) }
        return diagnostics + blockLoops(tags, references: references)
    }

    /// For each `{{<parent}}…{{/parent}}` of a template: a way from inside it back to the parent.
    private static func blockLoops(_ tags: [String: [TemplateTag]], references: [String: [Reference]]) -> [Diagnostic] {
        var diagnostics: Set<Diagnostic> = []
        for name in tags.keys.sorted() {
            for (parent, inside) in parentSpans(tags[name] ?? []) {
                // Breadth first, so the shortest way is shown; the template's own loops are reported above.
                var cameBy: [String: (from: String, reference: Reference)] = [:]
                var queue = inside.map { (name, $0) }
                while !queue.isEmpty, cameBy[parent] == nil {
                    let (from, reference) = queue.removeFirst()
                    guard cameBy[reference.name] == nil, reference.name != name else { continue }
                    cameBy[reference.name] = (from, reference)
                    queue += (references[reference.name] ?? []).map { (reference.name, $0) }
                }
                guard cameBy[parent] != nil else { continue }
                var way: [Reference] = []
                var step = parent
                while let (from, reference) = cameBy[step] {
                    way.insert(reference, at: 0)
                    step = from
                }
                // The include of a page that extends the parent, else the tag that names the parent.
                let culprit = way.count >= 2 && way.last!.kind == .parent ? way[way.count - 2] : way.last!
                let names = ([name] + way.map(\.name) + [name]).map { "`\($0)`" }.joined(separator: " → ")
                diagnostics.insert(.error(culprit.location,
                    "`\(culprit.written)` brings in `\(parent)` again inside the blocks `\(name)` fills for it, so rendering would never end (\(names)); remove it"))
            }
        }
        return Array(diagnostics)
    }

    /// Each `{{<parent}}` with the includes and parents between it and its `{{/parent}}`.
    private static func parentSpans(_ tags: [TemplateTag]) -> [(parent: String, inside: [Reference])] {
        var spans: [(parent: String, inside: [Reference])] = []
        // Open sections, blocks and parents, innermost last; an open parent knows its span.
        var open: [(name: String, span: Int?)] = []
        for tag in tags {
            switch tag.kind {
            case .section, .inverted, .block:
                open.append((tag.name, nil))
            case .parent:
                for case let span? in open.map(\.span) { spans[span].inside.append(tag) }
                open.append((tag.name, spans.count))
                spans.append((tag.name, []))
            case .partial:
                for case let span? in open.map(\.span) { spans[span].inside.append(tag) }
            case .close:
                if let index = open.lastIndex(where: { $0.name == tag.name }) { open.removeSubrange(index...) }
            default:
                break
            }
        }
        return spans
    }

    private static func message(_ loop: [String], closedBy reference: Reference) -> String {
        if loop.count == 2 {
            let verb = reference.kind == .parent ? "extends" : "includes"
            return "the template `\(loop[0])` \(verb) itself, so rendering it would never end; remove this `\(reference.written)`"
        }
        return "templates include each other in a loop, \(loop.map { "`\($0)`" }.joined(separator: " → ")), so rendering them would never end; remove one of the includes"
    }
}

private extension TemplateTag {
    /// `{{>partials/tags}}` or `{{<layout}}`, for a message.
    var written: String { "{{\(kind == .parent ? "<" : ">")\(name)}}" }
}
