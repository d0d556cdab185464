import Mustache

/// The interface words as templates read them (`{{t.nav.home}}`): the dotted keys of the
/// strings file as a tree, built once per build.
struct TemplateStrings: MustacheParent, Fingerprintable, Sendable {
    private indirect enum Node: Sendable {
        case text(String)
        case group(TemplateStrings)
    }

    private var children: [String: Node] = [:]
    /// Of every key and text, made once: every page holds the strings.
    private var hash = 0

    init(_ strings: Strings) {
        var fingerprint = Fingerprint()
        for (key, value) in strings.text.sorted(by: { $0.key < $1.key }) {
            insert(value, at: key.split(separator: ".").map(String.init)[...])
            fingerprint.add(text: key)
            fingerprint.add(text: value)
        }
        hash = fingerprint.value
    }

    func addFingerprint(to fingerprint: inout Fingerprint) { fingerprint.add(hash) }

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

    /// The string at `path`, or the group of strings there, as a template value.
    func value(at path: ArraySlice<String>) -> TemplateValue? {
        guard let head = path.first else { return .strings(self) }
        switch children[head] {
        case .text(let text): return path.count == 1 ? .text(text) : nil
        case .group(let group): return group.value(at: path.dropFirst())
        case nil: return nil
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
