/// Reads the keys of one YAML mapping into typed values. Every problem becomes a
/// diagnostic at the offending key or value; reading goes on so all problems show at once.
struct FieldReader {
    let location: SourceLocation
    private let entries: [YAMLEntry]
    private(set) var diagnostics: [Diagnostic] = []

    /// Reads a mapping; anything else is reported as the wrong kind of value.
    init(_ value: YAMLValue?, fallback: SourceLocation, what: String) {
        location = value?.location ?? fallback
        switch value?.kind {
        case .mapping(let entries):
            self.entries = entries
        case nil:
            self.entries = []
        case .some:
            self.entries = []
            if let value, !value.isNull {
                diagnostics.append(.error(value.location, "\(what) must be a group of `key: value` lines, not \(value.kindDescription)"))
            }
        }
    }

    /// The entries themselves, for mappings whose keys are ids (places, sources).
    var allEntries: [YAMLEntry] { entries }

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Reports each key not in `known`, suggesting the nearest known key.
    mutating func rejectUnknownKeys(_ known: [String]) {
        for entry in entries where !known.contains(entry.key) {
            let suggestion = Suggestion.closest(to: entry.key, among: known)
            let hint = suggestion.map { "; did you mean `\($0)`?" } ?? "; known keys are \(known.map { "`\($0)`" }.joined(separator: ", "))"
            diagnostics.append(.error(entry.keyLocation, "unknown key `\(entry.key)`\(hint)"))
        }
    }

    func value(_ key: String) -> YAMLValue? {
        guard let value = entries.first(where: { $0.key == key })?.value, !value.isNull else { return nil }
        return value
    }

    func keyLocation(_ key: String) -> SourceLocation {
        entries.first(where: { $0.key == key })?.keyLocation ?? location
    }

    /// The text of a key without reporting anything: for a look before the real read.
    func peekString(_ key: String) -> String? {
        guard let value = value(key), case .scalar(let text, _) = value.kind else { return nil }
        return text
    }

    mutating func string(_ key: String) -> String? {
        guard let value = value(key) else { return nil }
        guard case .scalar(let text, _) = value.kind else {
            diagnostics.append(.error(value.location, "`\(key)` must be text, not \(value.kindDescription)"))
            return nil
        }
        return text
    }

    mutating func requiredString(_ key: String, example: String) -> String? {
        guard let text = string(key) else {
            if value(key) == nil {
                diagnostics.append(.error(location, "missing `\(key)`; add a line like `\(key): \(example)`"))
            }
            return nil
        }
        if text.isHorizontalSpace {
            diagnostics.append(.error(value(key)?.location ?? location, "`\(key)` is empty; write it out, e.g. `\(key): \(example)`"))
            return nil
        }
        return text
    }

    /// A link, checked by `SafeURL`: a web address or a path on this site.
    mutating func url(_ key: String, kind: SafeURL.Kind = .link) -> SafeURL? {
        guard let text = string(key) else { return nil }
        switch SafeURL.check(text, key: key, kind: kind) {
        case .success(let url): return url
        case .failure(let problem):
            diagnostics.append(.error(value(key)!.location, problem.message))
            return nil
        }
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        if case .scalar(let text, false) = value.kind {
            switch text.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        diagnostics.append(.error(value.location, "`\(key)` must be `true` or `false`"))
        return nil
    }

    mutating func number(_ key: String) -> Double? {
        guard let value = value(key) else { return nil }
        if case .scalar(let text, false) = value.kind, let number = Double(text), number.isFinite {
            return number
        }
        diagnostics.append(.error(value.location, "`\(key)` must be a number, e.g. `\(key): 43.25`"))
        return nil
    }

    /// A list of text; a single value counts as a list of one, as editors often write `tags: lpg`.
    mutating func strings(_ key: String) -> [String] {
        locatedStrings(key).map(\.value)
    }

    /// A list of text with where each item was written, for ids checked later (places, terms).
    mutating func locatedStrings(_ key: String) -> [Located<String>] {
        guard let value = value(key) else { return [] }
        switch value.kind {
        case .scalar(let text, _):
            return [Located(value: text, location: value.location)]
        case .sequence(let items):
            return items.compactMap { item in
                guard case .scalar(let text, _) = item.kind else {
                    diagnostics.append(.error(item.location, "each item of `\(key)` must be text, not \(item.kindDescription)"))
                    return nil
                }
                return Located(value: text, location: item.location)
            }
        case .mapping:
            diagnostics.append(.error(value.location, "`\(key)` must be a list, e.g. `\(key): [a, b]`"))
            return []
        }
    }

    /// The items of a list, each with its position, for lists of structured values.
    mutating func items(_ key: String) -> [YAMLValue] {
        guard let value = value(key) else { return [] }
        if case .sequence(let items) = value.kind { return items }
        diagnostics.append(.error(value.location, "`\(key)` must be a list (lines starting with `- `), not \(value.kindDescription)"))
        return []
    }

    mutating func date(_ key: String, timeZone: String? = nil) -> ContentDate? {
        guard let value = value(key) else { return nil }
        guard case .scalar(let text, _) = value.kind else {
            diagnostics.append(.error(value.location, "`\(key)` must be a date, not \(value.kindDescription)"))
            return nil
        }
        switch ContentDate.parse(text, timeZone: timeZone) {
        case .success(let date):
            return date
        case .failure(let problem):
            diagnostics.append(.error(value.location, "invalid date `\(text)` in `\(key)`: \(problem.message)"))
            return nil
        }
    }

    /// The nested reader for a key holding a group of keys.
    mutating func group(_ key: String) -> FieldReader? {
        guard let value = value(key) else { return nil }
        return FieldReader(value, fallback: keyLocation(key), what: "`\(key)`")
    }

    /// Takes over the problems a nested reader found.
    mutating func absorb(_ other: FieldReader) {
        diagnostics += other.diagnostics
    }
}

import Foundation
