import Mustache

/// A value templates read: a plain `Sendable` struct whose fields are listed once, in
/// `fields`. That list is the whole contract between the code and the templates:
/// swift-mustache looks names up in it (`child(named:)`), `TemplateCheck` checks every
/// `{{name}}` of every template against it when the templates load, and Templates/README.md
/// is written from it (`TemplateReference`).
protocol ViewModel: TemplateModel {
    static var fields: [Field<Self>] { get }
}

/// What a template is rendered with, described for the check and the README.
protocol TemplateModel: MustacheParent, Sendable {
    /// What the value is, in a few words, for Templates/README.md.
    static var about: String { get }
    /// Every name a template may use on this value.
    static var contract: [TemplateField] { get }
    /// The view models it is made of, for Templates/README.md: itself, or what a page shares and its own.
    static var parts: [any ViewModel.Type] { get }
}

extension ViewModel {
    static var contract: [TemplateField] { fields.map(\.contract) }
    static var parts: [any ViewModel.Type] { [Self.self] }

    /// A missing or absent name is nil, so swift-mustache goes on to the enclosing values,
    /// as it does for a dictionary without the key.
    func child(named name: String) -> Any? {
        for field in Self.fields where field.contract.name == name { return field.value(self) }
        return nil
    }
}

/// One name a template may use, what it holds and what it means.
struct TemplateField: Sendable {
    var name: String
    var kind: FieldKind
    /// Absent on some values: `{{#name}}…{{/name}}` shows its content only when it is there.
    var optional: Bool
    var about: String
}

indirect enum FieldKind: Sendable {
    /// Plain text, escaped by `{{name}}`.
    case text
    /// HTML sitegen made safe, written as it is by `{{{name}}}`.
    case html
    /// True or false, for `{{#name}}` and `{{^name}}`.
    case flag
    case number
    case model(any TemplateModel.Type)
    case list(FieldKind)
    /// The interface words of the strings file, by dotted key (`t.nav.home`).
    case strings
}

/// A field of the view model `Model`: its description and how to read it.
struct Field<Model>: Sendable {
    let contract: TemplateField
    let value: @Sendable (Model) -> Any?

    private init(_ name: String, _ kind: FieldKind, optional: Bool = false, _ about: String, value: @escaping @Sendable (Model) -> Any?) {
        contract = TemplateField(name: name, kind: kind, optional: optional, about: about)
        self.value = value
    }

    static func text(_ name: String, _ about: String, _ value: @escaping @Sendable (Model) -> String) -> Field {
        Field(name, .text, about) { value($0) }
    }

    static func optionalText(_ name: String, _ about: String, _ value: @escaping @Sendable (Model) -> String?) -> Field {
        Field(name, .text, optional: true, about) { value($0) }
    }

    static func html(_ name: String, _ about: String, _ value: @escaping @Sendable (Model) -> String) -> Field {
        Field(name, .html, about) { value($0) }
    }

    static func optionalHTML(_ name: String, _ about: String, _ value: @escaping @Sendable (Model) -> String?) -> Field {
        Field(name, .html, optional: true, about) { value($0) }
    }

    static func flag(_ name: String, _ about: String, _ value: @escaping @Sendable (Model) -> Bool) -> Field {
        Field(name, .flag, about) { value($0) }
    }

    static func number(_ name: String, _ about: String, _ value: @escaping @Sendable (Model) -> Int) -> Field {
        Field(name, .number, about) { value($0) }
    }

    static func model<Value: TemplateModel>(_ name: String, _ about: String, _ value: @escaping @Sendable (Model) -> Value) -> Field {
        Field(name, .model(Value.self), about) { value($0) }
    }

    static func optionalModel<Value: TemplateModel>(_ name: String, _ about: String, _ value: @escaping @Sendable (Model) -> Value?) -> Field {
        Field(name, .model(Value.self), optional: true, about) { value($0) }
    }

    static func list<Value: TemplateModel>(_ name: String, _ about: String, _ value: @escaping @Sendable (Model) -> [Value]) -> Field {
        Field(name, .list(.model(Value.self)), about) { value($0) }
    }

    static func optionalList<Value: TemplateModel>(_ name: String, _ about: String, _ value: @escaping @Sendable (Model) -> [Value]?) -> Field {
        Field(name, .list(.model(Value.self)), optional: true, about) { value($0) }
    }

    static func texts(_ name: String, _ about: String, _ value: @escaping @Sendable (Model) -> [String]) -> Field {
        Field(name, .list(.text), about) { value($0) }
    }

    static func strings(_ name: String, _ about: String, _ value: @escaping @Sendable (Model) -> TemplateStrings) -> Field {
        Field(name, .strings, about) { value($0) }
    }

    /// The same field on a value that holds a `Model`: a view model made of a smaller one
    /// (an article page's article is its list entry plus its text) lists the smaller one's fields.
    func lifted<Outer>(_ part: @escaping @Sendable (Outer) -> Model) -> Field<Outer> {
        let value = self.value
        return Field<Outer>(contract: contract) { value(part($0)) }
    }

    private init(contract: TemplateField, value: @escaping @Sendable (Model) -> Any?) {
        self.contract = contract
        self.value = value
    }
}

/// What a template is rendered with: the values every template of its kind shares (`Shared`:
/// the layout's for a page, the strings for a list entry) and its own. Shared names win, as
/// when they were added to each page's dictionary last.
struct TemplateContext<Shared: ViewModel, Own: ViewModel>: TemplateModel {
    var shared: Shared
    var own: Own

    static var about: String { Own.about }
    static var contract: [TemplateField] { Shared.contract + Own.contract }
    static var parts: [any ViewModel.Type] { [Shared.self, Own.self] }

    func child(named name: String) -> Any? {
        shared.child(named: name) ?? own.child(named: name)
    }
}

/// The interface words as templates read them (`{{t.nav.home}}`): the dotted keys of the
/// strings file as a tree, built once per build.
struct TemplateStrings: MustacheParent, Sendable {
    private indirect enum Node: Sendable {
        case text(String)
        case group(TemplateStrings)
    }

    private var children: [String: Node] = [:]

    init(_ strings: Strings) {
        for (key, value) in strings.text {
            insert(value, at: key.split(separator: ".").map(String.init)[...])
        }
    }

    private init() {}

    private mutating func insert(_ value: String, at path: ArraySlice<String>) {
        guard let head = path.first else { return }
        if path.count == 1 {
            children[head] = .text(value)
            return
        }
        var group = TemplateStrings()
        if case .group(let existing)? = children[head] { group = existing }
        group.insert(value, at: path.dropFirst())
        children[head] = .group(group)
    }

    func child(named name: String) -> Any? {
        switch children[name] {
        case .text(let text): text
        case .group(let group): group
        case nil: nil
        }
    }

    /// The names one level under `path` (none under a string), or nil when `path` names nothing.
    func names(under path: ArraySlice<String>) -> [String]? {
        guard let head = path.first else { return children.keys.sorted() }
        switch children[head] {
        case .group(let group): return group.names(under: path.dropFirst())
        case .text: return path.count == 1 ? [] : nil
        case nil: return nil
        }
    }
}
