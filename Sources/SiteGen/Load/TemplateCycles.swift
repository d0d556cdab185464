/// Templates that include or extend each other in a loop (`{{> partials/a}}` in partials/a, two
/// partials naming each other, `{{<layout}}` in layout.mustache): swift-mustache would recurse
/// until the stack runs out and sitegen would crash seconds later, so each loop is reported at
/// load, naming the templates in it.
///
/// A loop can also run through blocks: a template that extends `layout` fills layout's blocks
/// for everything rendered beneath it, so a page included inside those blocks that extends
/// `layout` too renders the outer page's blocks again, and so on (found by the fuzzing run:
/// `{{>timeline}}` in partials/sources, which event.mustache includes).
enum TemplateCycles {
    struct Reference {
        var name: String
        /// `>` includes a partial, `<` extends a parent.
        var marker: Character
        var location: SourceLocation
    }

    /// `references` are each template's includes and parents, by the template's name.
    static func check(_ references: [String: [Reference]]) -> [Diagnostic] {
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
        return diagnostics + blockLoops(references)
    }

    /// For each template that extends a parent: a way from its blocks back to that parent.
    private static func blockLoops(_ references: [String: [Reference]]) -> [Diagnostic] {
        var diagnostics: Set<Diagnostic> = []
        for name in references.keys.sorted() {
            let edges = references[name] ?? []
            for parent in Set(edges.filter { $0.marker == "<" }.map(\.name)).sorted() {
                // Breadth first from the blocks' own includes, so the shortest way is shown.
                var cameBy: [String: (from: String, reference: Reference)] = [:]
                var queue = edges.filter { $0.marker == ">" }.map { (name, $0) }
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
                // The include of a page that extends the parent, else the include of the parent itself.
                let culprit = way.count >= 2 && way.last!.marker == "<" ? way[way.count - 2] : way.last!
                let names = ([name] + way.map(\.name) + [name]).map { "`\($0)`" }.joined(separator: " → ")
                diagnostics.insert(.error(culprit.location,
                    "`{{\(culprit.marker)\(culprit.name)}}` brings in `\(parent)` again inside the blocks `\(name)` fills for it, so rendering would never end (\(names)); remove it"))
            }
        }
        return Array(diagnostics)
    }

    private static func message(_ loop: [String], closedBy reference: Reference) -> String {
        if loop.count == 2 {
            let verb = reference.marker == "<" ? "extends" : "includes"
            return "the template `\(loop[0])` \(verb) itself, so rendering it would never end; remove this `{{\(reference.marker)\(reference.name)}}`"
        }
        return "templates include each other in a loop, \(loop.map { "`\($0)`" }.joined(separator: " → ")), so rendering them would never end; remove one of the includes"
    }
}
