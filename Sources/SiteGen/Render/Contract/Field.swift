/// A field of the view model `Model`: its description, how to read it, and how it goes into
/// the view model's fingerprint.
struct Field<Model>: Sendable {
    let contract: TemplateField
    /// The field's value, or with a path (`date.iso`) the value at the rest of it.
    let read: @Sendable (Model, FieldPath) -> TemplateValue
    let fingerprint: @Sendable (Model, inout Fingerprint) -> Void

    private init<Value: Fingerprintable & Sendable>(
        _ name: String, _ kind: FieldKind, optional: Bool = false, _ about: String,
        _ get: @escaping @Sendable (Model) -> Value, as value: @escaping @Sendable (Value, FieldPath) -> TemplateValue
    ) {
        contract = TemplateField(name: name, kind: kind, optional: optional, about: about)
        read = { value(get($0), $1) }
        fingerprint = { get($0).addFingerprint(to: &$1) }
    }

    private init(contract: TemplateField, read: @escaping @Sendable (Model, FieldPath) -> TemplateValue,
                 fingerprint: @escaping @Sendable (Model, inout Fingerprint) -> Void) {
        self.contract = contract
        self.read = read
        self.fingerprint = fingerprint
    }

    static func text(_ name: String, _ about: String, _ get: @escaping @Sendable (Model) -> String) -> Field {
        Field(name, .text, about, get) { value, _ in .text(value) }
    }

    static func optionalText(_ name: String, _ about: String, _ get: @escaping @Sendable (Model) -> String?) -> Field {
        Field(name, .text, optional: true, about, get) { value, _ in value.map(TemplateValue.text) ?? .absent }
    }

    static func html(_ name: String, _ about: String, _ get: @escaping @Sendable (Model) -> String) -> Field {
        Field(name, .html, about, get) { value, _ in .html(value) }
    }

    static func optionalHTML(_ name: String, _ about: String, _ get: @escaping @Sendable (Model) -> String?) -> Field {
        Field(name, .html, optional: true, about, get) { value, _ in value.map(TemplateValue.html) ?? .absent }
    }

    /// HTML rendered once and shared, such as a body: its fingerprint is the fragment's hash.
    static func fragment(_ name: String, _ about: String, _ get: @escaping @Sendable (Model) -> Fragment) -> Field {
        Field(name, .html, about, get) { value, _ in .htmlBytes(value.bytes) }
    }

    static func optionalFragment(_ name: String, _ about: String, _ get: @escaping @Sendable (Model) -> Fragment?) -> Field {
        Field(name, .html, optional: true, about, get) { value, _ in value.map { .htmlBytes($0.bytes) } ?? .absent }
    }

    static func flag(_ name: String, _ about: String, _ get: @escaping @Sendable (Model) -> Bool) -> Field {
        Field(name, .flag, about, get) { value, _ in .flag(value) }
    }

    static func number(_ name: String, _ about: String, _ get: @escaping @Sendable (Model) -> Int) -> Field {
        Field(name, .number, about, get) { value, _ in .number(value) }
    }

    static func optionalNumber(_ name: String, _ about: String, _ get: @escaping @Sendable (Model) -> Int?) -> Field {
        Field(name, .number, optional: true, about, get) { value, _ in value.map(TemplateValue.number) ?? .absent }
    }

    static func model<Value: TemplateModel>(_ name: String, _ about: String, _ get: @escaping @Sendable (Model) -> Value) -> Field {
        Field(name, .model(Value.self), about, get) { value, rest in rest.isEmpty ? .model(value) : value.value(at: rest) }
    }

    static func optionalModel<Value: TemplateModel>(_ name: String, _ about: String, _ get: @escaping @Sendable (Model) -> Value?) -> Field {
        Field(name, .model(Value.self), optional: true, about, get) { value, rest in
            guard let value else { return .absent }
            return rest.isEmpty ? .model(value) : value.value(at: rest)
        }
    }

    static func list<Value: TemplateModel>(_ name: String, _ about: String, _ get: @escaping @Sendable (Model) -> [Value]) -> Field {
        Field(name, .list(.model(Value.self)), about, get) { value, _ in .list(value) }
    }

    static func optionalList<Value: TemplateModel>(_ name: String, _ about: String, _ get: @escaping @Sendable (Model) -> [Value]?) -> Field {
        Field(name, .list(.model(Value.self)), optional: true, about, get) { value, _ in value.map { .list($0) } ?? .absent }
    }

    static func texts(_ name: String, _ about: String, _ get: @escaping @Sendable (Model) -> [String]) -> Field {
        Field(name, .list(.text), about, get) { value, _ in .list(value) }
    }

    /// The strings are read when the templates are compiled (`TemplateCompiler`), not from each value.
    static func strings(_ name: String, _ about: String, _ get: @escaping @Sendable (Model) -> TemplateStrings) -> Field {
        Field(name, .strings, about, get) { value, _ in .strings(value) }
    }

    /// The same field on a value that holds a `Model`: a view model made of a smaller one
    /// (an article page's article is its list entry plus its text) lists the smaller one's fields.
    func lifted<Outer>(_ part: @escaping @Sendable (Outer) -> Model) -> Field<Outer> {
        let (read, fingerprint) = (self.read, self.fingerprint)
        return Field<Outer>(contract: contract, read: { read(part($0), $1) }, fingerprint: { fingerprint(part($0), &$1) })
    }
}
