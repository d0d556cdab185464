/// The words of the interface in the site's language (`Templates/strings/da.yaml`):
/// labels, URL words, month and weekday names, date patterns.
public struct Strings: Sendable {
    /// Dotted keys (`status.confirmed.label`) to text.
    public var text: [String: String]
    public var lists: [String: [String]]

    public subscript(_ key: String) -> String {
        text[key] ?? key
    }
}

enum StringsLoader {
    /// Keys the Swift code reads; a strings file without them is reported, not rendered with holes.
    static let requiredText = [
        "paths.articles", "paths.timeline", "paths.glossary", "paths.sources", "paths.tags", "paths.map",
        "paths.timelineKey", "paths.timelinePlace", "paths.timelineTag", "date.placeTime",
        "date.day", "date.month", "date.time", "date.localTime", "date.siteTime", "date.bothTimes",
        "status.confirmed.label", "status.reported.label", "status.unverified.label", "status.disputed.label",
        "source.via",
    ]
    static let requiredLists = ["months": 12, "weekdays": 7]

    /// `languageLocation` is where site.yaml names the language, for the problem of a missing file.
    static func load(_ files: SiteFiles, language: String, languageLocation: SourceLocation = SourceLocation(path: "site.yaml")) -> (Strings?, [Diagnostic]) {
        let candidates = [language, String(language.prefix(while: { $0 != "-" }))].map { "Templates/strings/\($0).yaml" }
        guard let path = candidates.first(where: files.exists), let bytes = files.read(path) else {
            let known = files.files(under: "Templates/strings").filter { $0.hasSuffix(".yaml") }.map(\.fileStem)
            let hint = Suggestion.closest(to: language, among: known).map { "; did you mean `\($0)`? Or" } ?? ";"
            return (nil, [.error(languageLocation,
                "no strings for language `\(language)`\(hint) add \(candidates.last!) (copy Templates/strings/en.yaml and translate it)")])
        }
        let yaml: YAMLValue?
        switch SourceText.decode(bytes, path: path).flatMap({ YAMLParser.parse($0, path: path, firstLine: 1) }) {
        case .success(let value): yaml = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var strings = Strings(text: [:], lists: [:])
        var diagnostics: [Diagnostic] = []
        if let yaml { flatten(yaml, prefix: "", into: &strings, diagnostics: &diagnostics) }
        let fileLocation = SourceLocation(path: path)
        for key in requiredText where strings.text[key] == nil {
            diagnostics.append(.error(fileLocation, "missing string `\(key)`; add it to \(path)"))
        }
        for (key, count) in requiredLists.sorted(by: { $0.key < $1.key }) where strings.lists[key]?.count != count {
            diagnostics.append(.error(fileLocation, "`\(key)` must be a list of \(count) names in \(path)"))
        }
        return (diagnostics.hasErrors ? nil : strings, diagnostics)
    }

    /// `typography.quotes` of `language`'s strings file, if it has one; nothing is reported
    /// about the file, which is only read in full when it is the site's language.
    static func quotes(_ files: SiteFiles, language: String) -> String? {
        let candidates = [language, String(language.prefix(while: { $0 != "-" }))].map { "Templates/strings/\($0).yaml" }
        guard let path = candidates.first(where: files.exists), let bytes = files.read(path),
              case .success(let yaml) = SourceText.decode(bytes, path: path).flatMap({ YAMLParser.parse($0, path: path, firstLine: 1) }),
              let yaml else { return nil }
        var strings = Strings(text: [:], lists: [:])
        var ignored: [Diagnostic] = []
        flatten(yaml, prefix: "", into: &strings, diagnostics: &ignored)
        return strings.text["typography.quotes"]
    }

    private static func flatten(_ value: YAMLValue, prefix: String, into strings: inout Strings, diagnostics: inout [Diagnostic]) {
        switch value.kind {
        case .scalar(let text, _):
            strings.text[prefix] = text
        case .sequence(let items):
            strings.lists[prefix] = items.compactMap {
                if case .scalar(let text, _) = $0.kind { return text }
                return nil
            }
        case .mapping(let entries):
            for entry in entries {
                flatten(entry.value, prefix: prefix.isEmpty ? entry.key : "\(prefix).\(entry.key)", into: &strings, diagnostics: &diagnostics)
            }
        }
    }
}
