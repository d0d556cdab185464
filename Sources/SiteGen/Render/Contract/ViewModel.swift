import Mustache

/// A value templates read: a plain `Sendable` struct whose fields are listed once, in
/// `fields`. That list is the whole contract between the code and the templates: the
/// template compiler (`TemplateCompiler`) resolves every `{{name}}` of every template to a
/// field when the templates load, and reports one that is not there at its line; rendering
/// reads fields by their place in the list; a page's reuse key is the fingerprint of its
/// fields; and Templates/README.md is written from it (`TemplateReference`).
protocol ViewModel: TemplateModel {
    static var fields: [Field<Self>] { get }
}

/// What a template is rendered with: a view model, or what a page shares and its own.
protocol TemplateModel: TemplateElement, MustacheParent, Fingerprintable, Sendable {
    /// What the value is, in a few words, for Templates/README.md.
    static var about: String { get }
    /// Every name a template may use on this value.
    static var contract: [TemplateField] { get }
    /// The view models it is made of, for Templates/README.md: itself, or what a page shares and its own.
    static var parts: [any ViewModel.Type] { get }
    /// The value of the field at `index` in `contract`, or with a `rest`, the value at that
    /// path of places in it (`date.iso`).
    func value(field index: Int, then rest: FieldPath) -> TemplateValue
}

extension TemplateModel {
    /// The value at `path`: a field by its place in `contract`, then fields of the values in it.
    func value(at path: FieldPath) -> TemplateValue {
        value(field: path.first, then: path.dropFirst())
    }
}

extension ViewModel {
    static var contract: [TemplateField] { fields.map(\.contract) }
    static var parts: [any ViewModel.Type] { [Self.self] }

    func value(field index: Int, then rest: FieldPath) -> TemplateValue {
        Self.fields[index].read(self, rest)
    }

    func addFingerprint(to fingerprint: inout Fingerprint) {
        for field in Self.fields { field.fingerprint(self, &fingerprint) }
    }
}

extension TemplateModel {
    var templateValue: TemplateValue { .model(self) }
    func templateValue(field: Int, then rest: FieldPath) -> TemplateValue? { value(field: field, then: rest) }

    static func templateValue(in list: [Self], at index: Int, field: Int, then rest: FieldPath) -> TemplateValue? {
        list[index].value(field: field, then: rest)
    }

    /// swift-mustache's lookup, for rendering with it as the reference (`MustacheDifferentialTests`).
    func child(named name: String) -> Any? {
        Self.contract.firstIndex { $0.name == name }.flatMap { value(at: FieldPath([$0])!).mustacheValue }
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

/// A field's value as rendering sees it.
enum TemplateValue: Sendable {
    /// An optional field without a value: the name is looked up in the enclosing values.
    case absent
    case text(String)
    case html(String)
    /// HTML already in UTF-8: a rendered body or list entry, written into the page as it is.
    case htmlBytes([UInt8])
    case flag(Bool)
    case number(Int)
    case model(any TemplateModel)
    case list(any TemplateList)
    case strings(TemplateStrings)
    /// The entry at a place in a list, read where it lies: made a `model` for each use, an
    /// entry was copied whole, every string counted in and out, to read one field of it.
    case entry(any TemplateList, Int)
}

extension TemplateValue {
    /// The value at `path` in a view model or a list's entry; nil for a value without fields.
    func field(at path: FieldPath) -> TemplateValue? {
        switch self {
        case .model(let model): model.value(at: path)
        case .entry(let list, let index): list.value(at: index, field: path.first, then: path.dropFirst())
        default: nil
        }
    }

    /// An entry as the value it is; any other value as it is.
    var resolved: TemplateValue {
        if case .entry(let list, let index) = self { list.element(at: index) } else { self }
    }
}

/// What a list field holds: view models, or texts (`{{.}}`).
protocol TemplateList: Sendable {
    var count: Int { get }
    func element(at index: Int) -> TemplateValue
    /// The value at a path in the entry at `index`, read where the entry lies; nil when the
    /// entries have no fields (texts).
    func value(at index: Int, field: Int, then rest: FieldPath) -> TemplateValue?
}

protocol TemplateElement: Sendable {
    var templateValue: TemplateValue { get }
    /// The value at a path in this element; nil for one without fields.
    func templateValue(field: Int, then rest: FieldPath) -> TemplateValue?
    /// The value at a path in the element at `index` of `list`, read where it lies: each
    /// element type's own code, where the list's generic code copied the whole element (every
    /// string of it counted in and out) to read one name of it.
    static func templateValue(in list: [Self], at index: Int, field: Int, then rest: FieldPath) -> TemplateValue?
}

extension String: TemplateElement {
    var templateValue: TemplateValue { .text(self) }
    func templateValue(field: Int, then rest: FieldPath) -> TemplateValue? { nil }
    static func templateValue(in list: [Self], at index: Int, field: Int, then rest: FieldPath) -> TemplateValue? { nil }
}

extension Array: TemplateList where Element: TemplateElement {
    func element(at index: Int) -> TemplateValue { self[index].templateValue }
    func value(at index: Int, field: Int, then rest: FieldPath) -> TemplateValue? { Element.templateValue(in: self, at: index, field: field, then: rest) }
}

extension TemplateValue {
    /// As swift-mustache's dictionaries held it: nil for an absent value.
    fileprivate var mustacheValue: Any? {
        switch self {
        case .absent: return nil
        case .text(let text), .html(let text): return text
        case .htmlBytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .flag(let flag): return flag
        case .number(let number): return number
        case .model(let model): return model
        case .list(let list): return (0..<list.count).map { list.element(at: $0).mustacheValue as Any }
        case .strings(let strings): return strings
        case .entry: return resolved.mustacheValue
        }
    }
}

/// A view model held by reference, for one a page reads many names in (`{{site.title}}`,
/// `{{page.description}}`, `{{article.date.text}}`): read through the field of the value
/// around it, a struct was copied whole, every string of it counted in and out, for each name.
/// To templates it is the value it holds: the same names, fields and fingerprint.
final class Boxed<Value: ViewModel>: TemplateModel {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }

    static var about: String { Value.about }
    static var contract: [TemplateField] { Value.contract }
    static var parts: [any ViewModel.Type] { Value.parts }

    func value(field index: Int, then rest: FieldPath) -> TemplateValue {
        value.value(field: index, then: rest)
    }

    func addFingerprint(to fingerprint: inout Fingerprint) {
        value.addFingerprint(to: &fingerprint)
    }
}

/// What a template is rendered with: the values every template of its kind shares (`Shared`:
/// the layout's for a page, the strings for a list entry) and its own. Shared names win, as
/// when they were added to each page's dictionary last.
struct TemplateContext<Shared: ViewModel, Own: ViewModel>: TemplateModel {
    var shared: Shared
    var own: Own
    /// `Shared.fields.count`, asked once: a read of every field asked for it again, through the
    /// generic code, the list counted in and out each time.
    private let sharedCount = Shared.fields.count

    static var about: String { Own.about }
    static var contract: [TemplateField] { Shared.contract + Own.contract }
    static var parts: [any ViewModel.Type] { [Shared.self, Own.self] }

    func value(field index: Int, then rest: FieldPath) -> TemplateValue {
        index < sharedCount ? shared.value(field: index, then: rest) : own.value(field: index - sharedCount, then: rest)
    }

    func addFingerprint(to fingerprint: inout Fingerprint) {
        shared.addFingerprint(to: &fingerprint)
        own.addFingerprint(to: &fingerprint)
    }
}
