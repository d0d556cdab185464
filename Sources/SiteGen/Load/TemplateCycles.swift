/// Templates that include or extend each other in a loop (`{{> partials/a}}` in partials/a, two
/// partials naming each other, `{{<layout}}` in layout.mustache): swift-mustache would recurse
/// until the stack runs out and sitegen would crash seconds later, so each loop is reported at
/// load, at the include that closes it, naming the templates in it.
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
        return diagnostics
    }

    private static func message(_ loop: [String], closedBy reference: Reference) -> String {
        if loop.count == 2 {
            let verb = reference.marker == "<" ? "extends" : "includes"
            return "the template `\(loop[0])` \(verb) itself, so rendering it would never end; remove this `{{\(reference.marker)\(reference.name)}}`"
        }
        return "templates include each other in a loop, \(loop.map { "`\($0)`" }.joined(separator: " → ")), so rendering them would never end; remove one of the includes"
    }
}
