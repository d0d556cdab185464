/// Compiles every template against the value it is rendered with (`Templates`) when the
/// templates load. Each name is resolved to fields by their place (rendering looks nothing up
/// by name), the interface words (`{{t.nav.home}}`) become text, and partials and the layout
/// are compiled into the templates that use them, with the values there. A name the value
/// lacks is reported at its line (swift-mustache would render `{{page.titel}}` as nothing, a
/// hole in every page), and so is text written unescaped (`{{{title}}}`) and HTML escaped
/// (`{{body}}`).
enum TemplateCompiler {
    /// `parsed`: every template that parsed, by name (`partials/status`).
    static func compile(
        _ parsed: [String: (path: String, nodes: [MustacheNode])], strings: Strings, templates: [TemplateDescription] = Templates.all
    ) -> (CompiledTemplates, [Diagnostic]) {
        var compiler = Compiler(parsed: parsed, strings: TemplateStrings(strings))
        var compiled: [String: [TemplateOp]] = [:]
        for template in templates {
            guard let source = parsed[template.name] else { continue }
            compiler.root = template.name
            compiled[template.name] = compiler.compile(source.nodes, name: template.name, frames: [.model(template.model)], scope: Scope())
        }
        return (CompiledTemplates(ops: compiled), compiler.diagnostics)
    }
}

/// What names mean at a point of a template: the values pushed by the sections around it,
/// innermost last, as they will be when it renders.
private enum StaticFrame {
    case model(any TemplateModel.Type)
    /// A group of the interface words (`{{#t.nav}}`), by its dotted path.
    case strings([String])
    /// Text, a number or an empty list: `{{.}}` and nothing else.
    case value(FieldKind)
}

/// What a name stands for when the template is compiled.
private enum StaticValue {
    case kind(FieldKind)
    case strings([String])

    init(_ kind: FieldKind) {
        if case .strings = kind { self = .strings([]) } else { self = .kind(kind) }
    }

    var isList: Bool {
        if case .kind(.list) = self { return true }
        return false
    }

    /// What a section on this value pushes for the names inside it; nil for a flag, which
    /// shows or hides its section in the same context.
    var frame: StaticFrame? {
        switch self {
        case .strings(let path): .strings(path)
        case .kind(.model(let model)): .model(model)
        case .kind(.list(.model(let model))): .model(model)
        case .kind(.list(let element)): .value(element)
        case .kind(.flag): nil
        case .kind(let kind): .value(kind)
        }
    }

    /// Equal for names that mean the same kind of thing in two enclosing values.
    var shape: String {
        switch self {
        case .strings: "strings"
        case .kind(let kind): Self.shape(kind)
        }
    }

    private static func shape(_ kind: FieldKind) -> String {
        switch kind {
        case .model(let model): "\(model)"
        case .list(let element): "list of " + shape(element)
        default: "\(kind)"
        }
    }
}

/// Where the template being compiled stands: inherited blocks, a partial's indentation, and
/// whether it is directly inside a list's section (for `last()`).
private struct Scope {
    var overrides: [String: [MustacheNode]] = [:]
    var indentation = ""
    var inSequence = false
}

private struct Compiler {
    let parsed: [String: (path: String, nodes: [MustacheNode])]
    let strings: TemplateStrings
    var root = ""
    var diagnostics: [Diagnostic] = []
    private var reported = Set<SourceLocation>()
    /// The partials being compiled, so one that includes itself is reported, not followed forever.
    private var including: [String] = []

    init(parsed: [String: (path: String, nodes: [MustacheNode])], strings: TemplateStrings) {
        self.parsed = parsed
        self.strings = strings
    }

    mutating func compile(_ nodes: [MustacheNode], name: String, frames: [StaticFrame], scope: Scope) -> [TemplateOp] {
        including.append(name)
        defer { including.removeLast() }
        return compile(nodes, frames: frames, scope: scope)
    }

    private mutating func compile(_ nodes: [MustacheNode], frames: [StaticFrame], scope: Scope) -> [TemplateOp] {
        var ops: [TemplateOp] = []
        for node in nodes {
            switch node {
            case .text(let text):
                ops.append(.text(Array(text.utf8)))
            case .variable(let tag, let escaped):
                guard let (lookup, value) = resolve(tag, frames: frames, scope: scope) else { continue }
                checkEscaping(tag, escaped: escaped, value: value)
                ops.append(.value(lookup, escaped: escaped))
            case .section(let tag, let inverted, let body):
                let resolved = resolve(tag, frames: frames, scope: scope)
                // A list's empty section shows with the list pushed; a section shows with its value pushed.
                let frame: StaticFrame? = switch (inverted, resolved?.value) {
                case (_, nil): nil
                case (true, .kind(let kind)?) where resolved!.value.isList: .value(kind)
                case (true, _): nil
                case (false, let value?): value.frame
                }
                var inner = scope
                if frame != nil { inner.inSequence = !inverted && resolved?.value.isList == true }
                let bodyOps = compile(body, frames: frame.map { frames + [$0] } ?? frames, scope: inner)
                guard let lookup = resolved?.lookup else { continue }
                ops.append(inverted ? .inverted(lookup, body: bodyOps) : .section(lookup, body: bodyOps))
            case .partial(let name, let indentation, let overrides, let location):
                guard let source = parsed[name] else { continue } // reported by TemplateLoader
                guard !including.contains(name) else {
                    report(location, "`\(name)` includes itself (through \(including.joined(separator: " → "))); a partial must not include itself")
                    continue
                }
                var inner = scope
                // Blocks of the outer template win over those of an inner one, as in swift-mustache.
                inner.overrides = scope.overrides.merging(overrides ?? [:]) { outer, _ in outer }
                inner.indentation += indentation ?? ""
                inner.inSequence = false
                ops.append(.included(indentation: inner.indentation, compile(source.nodes, name: name, frames: frames, scope: inner)))
            case .block(let name, let defaultBody, let indentation):
                var inner = scope
                inner.indentation += indentation ?? ""
                inner.inSequence = false
                ops.append(.included(indentation: inner.indentation, compile(scope.overrides[name] ?? defaultBody, frames: frames, scope: inner)))
            case .blockDefinition:
                continue // collected into the parent's overrides by the parser
            }
        }
        return scope.indentation.isEmpty ? TemplateOp.merged(ops) : ops
    }

    // MARK: Names

    /// How to find a tag's value when rendering, and what it is; nil (reported) when there is nothing by that name.
    private mutating func resolve(_ tag: MustacheTag, frames: [StaticFrame], scope: Scope) -> (lookup: TemplateLookup, value: StaticValue)? {
        var (lookup, value): (TemplateLookup, StaticValue)
        if tag.name == "." {
            (lookup, value) = (TemplateLookup(source: .top), topValue(frames))
        } else if tag.name.isEmpty {
            // `last()`: the place in the list being shown.
            guard scope.inSequence else {
                report(tag.location, "`\(tag.written)` works only directly inside a list's `{{#…}}` section")
                return nil
            }
            (lookup, value) = (TemplateLookup(source: .sequence), .kind(.number))
        } else {
            let anchored = tag.name.hasPrefix(".")
            let path = tag.name.split(separator: ".").map(String.init)
            guard let found = lookUp(path, in: anchored ? Array(frames.suffix(1)) : frames, tag: tag) else { return nil }
            (lookup, value) = found
        }
        for transform in tag.transforms.reversed() {
            guard case .kind(let kind) = value, let transformed = TemplateTransform.compile(transform, on: kind, sequence: tag.name.isEmpty) else {
                report(tag.location, "no transform `\(transform)()` for \(tag.name.isEmpty ? "a list's entries" : "`\(tag.name)`"); swift-mustache has `empty()`, `count()`, `first()` and `last()` for a list, and `first()`, `last()` and `index()` for its entries")
                return nil
            }
            lookup.transforms.append(transformed.transform)
            value = .kind(transformed.kind)
        }
        return (lookup, value)
    }

    private func topValue(_ frames: [StaticFrame]) -> StaticValue {
        switch frames.last! {
        case .model(let model): .kind(.model(model))
        case .strings(let path): .strings(path)
        case .value(let kind): .kind(kind)
        }
    }

    /// swift-mustache looks the first name up in the values around the tag from the innermost
    /// out, taking the first that has it (an absent optional field passes it on), and the rest
    /// in what that gives. Each place it can be found is a candidate, in that order.
    private mutating func lookUp(_ path: [String], in frames: [StaticFrame], tag: MustacheTag) -> (TemplateLookup, StaticValue)? {
        var candidates: [TemplateLookup.Candidate] = []
        var value: StaticValue?
        for (depth, frame) in frames.reversed().enumerated() {
            switch frame {
            case .model(let model):
                let fields = model.contract
                guard let index = fields.firstIndex(where: { $0.name == path[0] }) else { continue }
                let field = fields[index]
                guard let (rest, found) = resolveRest(path, head: StaticValue(field.kind), tag: tag, reporting: value == nil) else {
                    // The first place with the name decides; a later one that cannot go on gives nothing.
                    if value == nil { return nil }
                    candidates.append(.field(depth: depth, path: FieldPath([index])!, optionalHead: field.optional, resolvable: false))
                    if !field.optional { return finish(candidates, value!) }
                    continue
                }
                if case .strings(let group) = found {
                    candidates.append(.constant(strings.value(at: group[...]) ?? .absent))
                } else {
                    guard let fieldPath = FieldPath([index] + rest) else {
                        report(tag.location, "`\(path.joined(separator: "."))` goes more than \(FieldPath.maximumCount) values deep; show the inner values inside a section")
                        return nil
                    }
                    candidates.append(.field(depth: depth, path: fieldPath, optionalHead: field.optional, resolvable: true))
                }
                if let value, value.shape != found.shape {
                    report(tag.location, "`\(path.joined(separator: "."))` names a \(value.shape) here and a \(found.shape) in an enclosing value; the template cannot tell which it gets")
                    return nil
                }
                value = value ?? found
                if !field.optional { return finish(candidates, value!) }
            case .strings(let group):
                guard let (_, found) = resolveRest(path, head: .strings(group + [path[0]]), tag: tag, reporting: value == nil),
                      strings.names(under: (group + [path[0]])[...]) != nil else { continue }
                candidates.append(.constant(constant(found)))
                return finish(candidates, value ?? found)
            case .value:
                continue
            }
        }
        guard let value else {
            noField(tag, path: path, failing: 0, candidates: frames.flatMap(names(in:)))
            return nil
        }
        return finish(candidates, value)
    }

    private func finish(_ candidates: [TemplateLookup.Candidate], _ value: StaticValue) -> (TemplateLookup, StaticValue) {
        let lookup = TemplateLookup(source: TemplateLookup.Source(candidates))
        // A key of the strings file, not a group of keys, is text.
        if case .strings(let group) = value, strings.names(under: group[...])?.isEmpty == true {
            return (lookup, .kind(.text))
        }
        return (lookup, value)
    }

    private func constant(_ value: StaticValue) -> TemplateValue {
        if case .strings(let group) = value { return strings.value(at: group[...]) ?? .absent }
        return .absent
    }

    /// The fields after the first name, by their places; nil (reported if `reporting`) when one is not there.
    private mutating func resolveRest(_ path: [String], head: StaticValue, tag: MustacheTag, reporting: Bool) -> ([Int], StaticValue)? {
        var value = head
        var indices: [Int] = []
        for (position, name) in path.enumerated().dropFirst() {
            switch value {
            case .kind(.model(let model)):
                guard let index = model.contract.firstIndex(where: { $0.name == name }) else {
                    if reporting { noField(tag, path: path, failing: position, candidates: model.contract.map(\.name)) }
                    return nil
                }
                indices.append(index)
                value = StaticValue(model.contract[index].kind)
            case .strings(let group):
                guard strings.names(under: (group + [name])[...]) != nil else {
                    if reporting { noField(tag, path: path, failing: position, candidates: strings.names(under: group[...]) ?? []) }
                    return nil
                }
                value = .strings(group + [name])
            default:
                if reporting { noField(tag, path: path, failing: position, candidates: []) }
                return nil
            }
        }
        return (indices, value)
    }

    private func names(in frame: StaticFrame) -> [String] {
        switch frame {
        case .model(let model): model.contract.map(\.name)
        case .strings(let group): strings.names(under: group[...]) ?? []
        case .value: []
        }
    }

    // MARK: Diagnostics

    private mutating func noField(_ tag: MustacheTag, path: [String], failing position: Int, candidates: [String]) {
        let hint = Suggestion.closest(to: path[position], among: Set(candidates)).map { candidate in
            var corrected = path
            corrected[position] = candidate
            return "; did you mean `\(corrected.joined(separator: "."))`?"
        }
        report(tag.location, "the \(root) template has no field `\(path.joined(separator: "."))`\(hint ?? "")")
    }

    private mutating func checkEscaping(_ tag: MustacheTag, escaped: Bool, value: StaticValue) {
        let name = tag.written
        switch (escaped, value) {
        case (true, .kind(.html)):
            report(tag.location, "`\(name)` is HTML; write `{{{\(name)}}}`, or its markup shows as text")
        case (false, .kind(.text)):
            report(tag.location, "`\(name)` is text; write `{{\(name)}}`, so that it is escaped")
        case (_, .kind(.model)), (_, .kind(.list)), (_, .strings):
            report(tag.location, "`\(name)` holds fields, not text; show them inside `{{#\(name)}}…{{/\(name)}}`")
        default:
            break
        }
    }

    private mutating func report(_ location: SourceLocation, _ message: String) {
        guard reported.insert(location).inserted else { return }
        diagnostics.append(.error(location, message))
    }
}
