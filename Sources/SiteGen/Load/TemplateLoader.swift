import Foundation
import Mustache

/// The parsed `Templates/` folder: Mustache templates, the UI strings of the site's
/// language and the static files (stylesheet) copied to the output.
public struct TemplateSet: Sendable {
    /// The templates as swift-mustache reads them: it reports their syntax errors, and it is
    /// the reference the compiled templates are tested against.
    public var library: MustacheLibrary
    /// The templates compiled against their view models: what the renderer uses.
    var compiled: CompiledTemplates
    public var strings: Strings
    /// Paths relative to the site folder, e.g. `Templates/static/style.css`.
    public var staticFiles: [String]
    /// The ids the templates write themselves (`id="main"`): a heading in Markdown never gets one.
    public var reservedIDs: Set<String> = []
}

/// Stage 1c: loads and checks the templates before any page is rendered, so a typo in a
/// template is a diagnostic with its line, not an empty page.
enum TemplateLoader {
    static func load(_ files: SiteFiles, language: String, languageLocation: SourceLocation = SourceLocation(path: "site.yaml"),
                     contentLanguage: String? = nil) -> (TemplateSet?, [Diagnostic]) {
        var (paths, diagnostics) = files.listing(under: "Templates")
        guard !paths.isEmpty else {
            // An unreadable or linked Templates/ says so rather than "no Templates/ folder".
            return (nil, diagnostics.isEmpty ? [.error(SourceLocation(path: "Templates"), "no Templates/ folder; copy the default Templates/ from sitegen into the site folder")] : diagnostics)
        }
        var library = MustacheLibrary()
        var references: [(name: String, location: SourceLocation)] = []
        var parsed: [String: (path: String, nodes: [MustacheNode])] = [:]
        var reserved = Set<String>()
        for path in paths where path.hasSuffix(".mustache") {
            let name = String(path.dropFirst("Templates/".count).dropLast(".mustache".count))
            guard let bytes = files.read(path) else {
                diagnostics.append(.error(SourceLocation(path: path), "cannot read this template; make it readable (chmod a+r \(path))"))
                continue
            }
            let text: String
            switch SourceText.decode(bytes, path: path) {
            case .success(let decoded): text = decoded
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                continue
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                let nodes = try MustacheParser.parse(text, path: path)
                parsed[name] = (path, nodes)
                references += nodes.partialReferences
                reserved.formUnion(fixedIDs(in: text))
            } catch let error as MustacheTemplate.ParserError {
                var location = SourceLocation(path: path, line: error.context.lineNumber, column: max(1, error.context.columnNumber))
                // swift-mustache notices an unclosed section at the end of the file; the editor needs its opening tag.
                if case .expectedSectionEnd? = error.error as? MustacheTemplate.Error,
                   let opening = MustacheParser.unclosedSection(in: text, path: path) {
                    location = opening
                }
                diagnostics.append(.error(location, "template syntax error: \(describe(error.error))"))
            } catch let error as MustacheParser.SyntaxError {
                diagnostics.append(.error(error.location, "sitegen cannot read this template, though swift-mustache can; please report it with the template"))
            } catch {
                diagnostics.append(.error(SourceLocation(path: path), "template syntax error: \(error)"))
            }
        }
        let names = paths.filter { $0.hasSuffix(".mustache") }.map { String($0.dropFirst("Templates/".count).dropLast(".mustache".count)) }
        for template in Templates.all where !names.contains(template.name) {
            diagnostics.append(.error(SourceLocation(path: "Templates/\(template.name).mustache"),
                "missing template `\(template.name)`, which renders \(template.renders); restore Templates/\(template.name).mustache from sitegen's default templates"))
        }
        for reference in references where !names.contains(reference.name) {
            diagnostics.append(.error(reference.location,
                "no template named `\(reference.name)`\(Suggestion.didYouMean(reference.name, among: names)); templates are the .mustache files in Templates/, named without the extension"))
        }
        var (strings, stringProblems) = StringsLoader.load(files, language: language, languageLocation: languageLocation)
        // Texts are set in the quotes of the language they are written in: an English build of
        // Danish texts keeps »...«, where the content's language has strings of its own.
        if let contentLanguage, contentLanguage != language, let quotes = StringsLoader.quotes(files, language: contentLanguage) {
            strings?.text["typography.quotes"] = quotes
        }
        diagnostics += stringProblems
        let staticFiles = paths.filter { $0.hasPrefix("Templates/static/") }
        guard let strings else { return (nil, diagnostics) }
        let (compiled, compileProblems) = TemplateCompiler.compile(parsed, strings: strings)
        diagnostics += compileProblems
        return (TemplateSet(library: library, compiled: compiled, strings: strings, staticFiles: staticFiles, reservedIDs: reserved), diagnostics)
    }

    /// The values of `id="…"` attributes written out in a template, not made of `{{…}}` tags.
    static func fixedIDs(in text: String) -> [String] {
        IDAttributes.values(in: text).filter { !$0.isEmpty && !$0.contains("{{") }
    }

    static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "this closing tag does not match the section it closes; check the name after `{{/`"
        case .unfinishedName: return "a tag is not closed; end it with `}}`"
        case .expectedSectionEnd: return "a section is never closed; add `{{/name}}` for each `{{#name}}` or `{{^name}}`"
        case .invalidSetDelimiter: return "the delimiter change `{{= =}}` is malformed"
        case .transformAppliedToInheritanceSection: return "a transform cannot be applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "only `{{$block}}` sections may stand inside `{{<parent}}`"
        case .textInsideInheritSection: return "text inside `{{<parent}}` must be inside a `{{$block}}` section"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "unknown `{{% pragma }}`"
        }
    }
}
