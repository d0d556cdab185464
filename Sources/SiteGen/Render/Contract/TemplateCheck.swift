/// Checks, when the templates load, every name each template uses against the fields of the
/// value it is rendered with (`Templates`): swift-mustache renders `{{page.titel}}` as nothing,
/// so a typo would otherwise ship as a hole in every page. Partials and the layout are checked
/// where they are used, with the values there. Also reported: text written unescaped
/// (`{{{title}}}`) and HTML written escaped (`{{body}}`).
enum TemplateCheck {
    /// `sources`: every template that parsed, by name (`partials/status`).
    static func check(_ sources: [String: (path: String, text: String)], strings: Strings) -> [Diagnostic] {
        var walker = Walker(sources: sources, strings: TemplateStrings(strings))
        for template in Templates.all {
            guard let source = sources[template.name] else { continue }
            walker.root = template.name
            walker.walk(source.text, path: source.path, name: template.name, frames: [Frame(template.model.contract)])
        }
        return walker.diagnostics
    }

    /// What names mean at a point of a template: the values swift-mustache looks them up in,
    /// innermost last.
    fileprivate enum Frame {
        case fields([TemplateField])
        /// A group of the interface words (`{{#t.nav}}`), by its dotted path.
        case strings([String])
        /// Text or a number: `{{.}}` and nothing else.
        case value

        init(_ fields: [TemplateField]) { self = .fields(fields) }

        init?(entering value: Value) {
            switch value {
            case .strings(let path): self = .strings(path)
            case .kind(.model(let model)): self = .fields(model.contract)
            case .kind(.list(let element)): self.init(entering: .kind(element))
            case .kind(.strings): self = .strings([])
            case .kind(.text), .kind(.html), .kind(.number): self = .value
            case .kind(.flag): return nil // a flag shows or hides its section in the same context
            }
        }
    }

    /// What a name stands for: a field of some kind, or a string or group of strings by path.
    fileprivate enum Value {
        case kind(FieldKind)
        case strings([String])

        init(_ kind: FieldKind) {
            if case .strings = kind { self = .strings([]) } else { self = .kind(kind) }
        }
    }

    fileprivate struct Walker {
        let sources: [String: (path: String, text: String)]
        let strings: TemplateStrings
        var root = ""
        var diagnostics: [Diagnostic] = []
        private var reported = Set<SourceLocation>()
        /// The templates being walked, so a partial that includes itself is not followed forever.
        private var including: [String] = []

        init(sources: [String: (path: String, text: String)], strings: TemplateStrings) {
            self.sources = sources
            self.strings = strings
        }

        mutating func walk(_ text: String, path: String, name: String, frames: [Frame]) {
            guard !including.contains(name) else { return }
            including.append(name)
            defer { including.removeLast() }
            var frames = frames
            // Each open tag with whether it added a frame; swift-mustache keeps the sequence
            // context (`last()`) only inside a list's own section, not in partials or deeper sections.
            var open: [(pushed: Bool, sequence: Bool)] = []
            var inSequence = false
            for tag in TemplateTag.scan(text, path: path) {
                switch tag.kind {
                case .variable, .unescaped:
                    guard let value = resolve(tag, frames: frames, inSequence: inSequence) else { continue }
                    checkEscaping(tag, value: value)
                case .section, .inverted:
                    let value = resolve(tag, frames: frames, inSequence: inSequence)
                    let frame = tag.kind == .section ? value.flatMap(Frame.init(entering:)) : nil
                    if let frame { frames.append(frame) }
                    open.append((frame != nil, inSequence))
                    if let value, frame != nil { inSequence = isList(value) }
                case .block, .parent:
                    open.append((false, inSequence))
                    if tag.kind == .parent, let parent = sources[tag.name] {
                        walk(parent.text, path: parent.path, name: tag.name, frames: frames)
                    }
                case .close:
                    guard let last = open.popLast() else { continue }
                    if last.pushed { frames.removeLast() }
                    inSequence = last.sequence
                case .partial:
                    if let partial = sources[tag.name] { walk(partial.text, path: partial.path, name: tag.name, frames: frames) }
                case .other:
                    continue
                }
            }
        }

        private func isList(_ value: Value) -> Bool {
            if case .kind(.list) = value { return true }
            return false
        }

        /// What a tag's name stands for, or nil (reported) when there is nothing by that name.
        private mutating func resolve(_ tag: TemplateTag, frames: [Frame], inSequence: Bool) -> Value? {
            let (name, transforms) = tag.lookup
            var value: Value
            if name == "." {
                value = .kind(.text)
            } else if name.isEmpty {
                // `last()`: the place in the list being shown.
                guard inSequence else {
                    report(tag, "`\(tag.name)` works only directly inside a list's `{{#…}}` section")
                    return nil
                }
                value = .kind(.number)
            } else {
                let anchored = name.hasPrefix(".")
                let path = name.split(separator: ".").map(String.init)
                guard let found = lookUp(path, in: anchored ? Array(frames.suffix(1)) : frames, tag: tag) else { return nil }
                value = found
            }
            // A key of the strings file, not a group of keys, is text.
            if case .strings(let group) = value, strings.names(under: group[...])?.isEmpty == true { value = .kind(.text) }
            for transform in transforms.reversed() {
                guard case .kind(let kind) = value, let transformed = Self.apply(transform, to: kind, sequence: name.isEmpty) else {
                    report(tag, "no transform `\(transform)()` for \(name.isEmpty ? "a list's entries" : "`\(name)`"); swift-mustache has `empty()`, `count()`, `first()` and `last()` for a list, and `first()`, `last()` and `index()` for its entries")
                    return nil
                }
                value = .kind(transformed)
            }
            return value
        }

        private mutating func lookUp(_ path: [String], in frames: [Frame], tag: TemplateTag) -> Value? {
            guard let first = path.first else { return nil }
            var value: Value?
            for frame in frames.reversed() where value == nil {
                switch frame {
                case .fields(let fields): value = fields.first { $0.name == first }.map { Value($0.kind) }
                case .strings(let group): value = strings.names(under: (group + [first])[...]) == nil ? nil : .strings(group + [first])
                case .value: break
                }
            }
            guard var value else {
                noField(tag, path: path, failing: 0, candidates: frames.flatMap(names(in:)))
                return nil
            }
            for (position, name) in path.enumerated().dropFirst() {
                switch value {
                case .kind(.model(let model)):
                    guard let field = model.contract.first(where: { $0.name == name }) else {
                        noField(tag, path: path, failing: position, candidates: model.contract.map(\.name))
                        return nil
                    }
                    value = Value(field.kind)
                case .strings(let group):
                    guard strings.names(under: (group + [name])[...]) != nil else {
                        noField(tag, path: path, failing: position, candidates: strings.names(under: group[...]) ?? [])
                        return nil
                    }
                    value = .strings(group + [name])
                default:
                    noField(tag, path: path, failing: position, candidates: [])
                    return nil
                }
            }
            return value
        }

        private func names(in frame: Frame) -> [String] {
            switch frame {
            case .fields(let fields): fields.map(\.name)
            case .strings(let group): strings.names(under: group[...]) ?? []
            case .value: []
            }
        }

        private mutating func noField(_ tag: TemplateTag, path: [String], failing position: Int, candidates: [String]) {
            let hint = Suggestion.closest(to: path[position], among: Set(candidates)).map { candidate in
                var corrected = path
                corrected[position] = candidate
                return "; did you mean `\(corrected.joined(separator: "."))`?"
            }
            report(tag, "the \(root) template has no field `\(path.joined(separator: "."))`\(hint ?? "")")
        }

        private mutating func checkEscaping(_ tag: TemplateTag, value: Value) {
            let name = tag.lookup.name
            switch (tag.kind, value) {
            case (.variable, .kind(.html)):
                report(tag, "`\(name)` is HTML; write `{{{\(name)}}}`, or its markup shows as text")
            case (.unescaped, .kind(.text)):
                report(tag, "`\(name)` is text; write `{{\(name)}}`, so that it is escaped")
            case (_, .kind(.model)), (_, .kind(.list)), (_, .strings):
                report(tag, "`\(name)` holds fields, not text; show them inside `{{#\(name)}}…{{/\(name)}}`")
            default:
                break
            }
        }

        private mutating func report(_ tag: TemplateTag, _ message: String) {
            guard reported.insert(tag.location).inserted else { return }
            diagnostics.append(.error(tag.location, message))
        }

        /// What swift-mustache's transforms give, for the kinds they apply to.
        private static func apply(_ transform: String, to kind: FieldKind, sequence: Bool) -> FieldKind? {
            switch (transform, kind) {
            case ("first", _) where sequence, ("last", _) where sequence, ("even", _) where sequence, ("odd", _) where sequence: .flag
            case ("index", _) where sequence: .number
            case ("empty", .list), ("empty", .text): .flag
            case ("count", .list): .number
            case ("first", .list(let element)), ("last", .list(let element)): element
            case ("reversed", .list), ("reversed", .text): kind
            case ("capitalized", .text), ("lowercased", .text), ("uppercased", .text): .text
            case ("equalzero", .number), ("even", .number), ("odd", .number): .flag
            case ("plusone", .number), ("minusone", .number): .number
            default: nil
            }
        }
    }
}
