import Yams

/// A YAML node as a plain value that remembers where it was written in the file.
struct YAMLValue: Sendable {
    enum Kind: Sendable {
        /// `quoted` tells `"true"` (text) from `true` (a boolean).
        case scalar(String, quoted: Bool)
        case sequence([YAMLValue])
        case mapping([YAMLEntry])
    }

    var kind: Kind
    var location: SourceLocation

    var isNull: Bool {
        if case .scalar(let text, false) = kind {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    /// What an editor would call this kind of value, for "must be ..., not ..." messages.
    var kindDescription: String {
        switch kind {
        case .scalar: "a single value"
        case .sequence: "a list"
        case .mapping: "a group of keys"
        }
    }
}

struct YAMLEntry: Sendable {
    var key: String
    var keyLocation: SourceLocation
    var value: YAMLValue
}

/// Parses YAML with Yams and re-bases its positions on the whole file, like
/// swift-markdown's RangeAdjuster does for slices.
enum YAMLParser {
    static func parse(_ yaml: String, path: String, firstLine: Int) -> Result<YAMLValue?, Diagnostic> {
        if let flat = FlatYAML.parse(yaml, path: path, firstLine: firstLine) { return .success(flat) }
        return parseWithYams(yaml, path: path, firstLine: firstLine)
    }

    /// Any YAML, through libyaml: what `FlatYAML` does not read, and what tests compare it with.
    static func parseWithYams(_ yaml: String, path: String, firstLine: Int) -> Result<YAMLValue?, Diagnostic> {
        if let (anchor, line, column) = YAMLAliases.aliasKey(in: yaml) {
            return .failure(.error(SourceLocation(path: path, line: line + firstLine - 1, column: column),
                "the alias `*\(anchor)` stands as a key; keys are names, so write the key out"))
        }
        do {
            // Every scalar is read as text (`FieldReader` reads the types), so no tags are resolved;
            // and the encoding is given, as Yams's default reads the whole environment on every call.
            let parser = try Parser(yaml: yaml, resolver: .basic, constructor: .default, encoding: .utf8)
            guard let node = try parser.singleRoot() else { return .success(nil) }
            if let (anchor, line, column) = YAMLAliases.overrun(in: node, yaml: yaml, parser: parser) {
                return .failure(.error(SourceLocation(path: path, line: line + firstLine - 1, column: column),
                    "the alias `*\(anchor)` makes this file's aliases repeat more than \(YAMLAliases.allowance) values (aliases of lists of aliases multiply); write the values out instead"))
            }
            return .success(convert(node, path: path, firstLine: firstLine))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, path: path, firstLine: firstLine))
        } catch {
            return .failure(.error(SourceLocation(path: path, line: firstLine), "could not read the YAML: \(error)"))
        }
    }

    private static func location(_ mark: Mark?, path: String, firstLine: Int) -> SourceLocation {
        guard let mark else { return SourceLocation(path: path, line: firstLine) }
        return SourceLocation(path: path, line: mark.line + firstLine - 1, column: mark.column)
    }

    private static func convert(_ node: Node, path: String, firstLine: Int) -> YAMLValue {
        switch node {
        case .scalar(let scalar):
            return YAMLValue(
                kind: .scalar(scalar.string, quoted: scalar.style != .plain && scalar.style != .any),
                location: location(scalar.mark, path: path, firstLine: firstLine))
        case .sequence(let sequence):
            return YAMLValue(
                kind: .sequence(sequence.map { convert($0, path: path, firstLine: firstLine) }),
                location: location(sequence.mark, path: path, firstLine: firstLine))
        case .mapping(let mapping):
            let entries = mapping.map { key, value in
                YAMLEntry(
                    key: key.string ?? "",
                    keyLocation: location(key.mark, path: path, firstLine: firstLine),
                    value: convert(value, path: path, firstLine: firstLine))
            }
            return YAMLValue(kind: .mapping(entries), location: location(mapping.mark, path: path, firstLine: firstLine))
        case .alias(let alias):
            return YAMLValue(kind: .scalar("", quoted: false), location: location(alias.mark, path: path, firstLine: firstLine))
        }
    }

    private static func diagnostic(for error: YamlError, path: String, firstLine: Int) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return .error(location(mark, path: path, firstLine: firstLine), "YAML syntax error: \(problem)\(hint(for: problem))")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.sorted().map { "`\($0)`" }.joined(separator: ", ")
            return .error(location(context.mark, path: path, firstLine: firstLine),
                "the key \(names) is written twice; keep one of them")
        case .reader(let problem, _, _, _):
            return .error(SourceLocation(path: path, line: firstLine), "YAML cannot be read: \(problem)")
        default:
            return .error(SourceLocation(path: path, line: firstLine), "YAML cannot be read: \(error)")
        }
    }

    /// libyaml's words are terse; say what usually causes each.
    private static func hint(for problem: String) -> String {
        if problem.contains("mapping values are not allowed") {
            return "; a value that contains `: ` must be put in quotes"
        }
        if problem.contains("found character that cannot start any token") {
            return "; put the value in quotes (YAML keys are indented with spaces, never tabs)"
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
            return "; check the indentation of this line against the lines above"
        }
        if problem.contains("found unexpected end of stream") || problem.contains("did not find expected") {
            return "; is a quote or bracket left open?"
        }
        return ""
    }
}
