/// Templates/README.md: every template with the value it is rendered with, and the fields
/// of every value, written from the view models themselves so it cannot fall behind them.
/// `TemplateContractTests` fails while the committed file differs.
enum TemplateReference {
    static let path = "Templates/README.md"

    static func markdown() -> String {
        var lines = [
            "# Template fields",
            "",
            "<!-- Generated from the view models in Sources/SiteGen/Render/Contract/ (TemplateReference.swift); do not edit.",
            "     After changing them: RECORD_GOLDEN=1 swift test --filter TemplateContract, then python3 scripts/embed-templates.py. -->",
            "",
            "Each template is rendered with one value. `{{name}}` may name any of its fields and, inside",
            "`{{#name}}…{{/name}}`, the fields of that field's value too (a list's section shows once per entry,",
            "and `{{^last()}}, {{/last()}}` knows the last). A name that is not there is an error at its line",
            "when the templates load (`sitegen build`, `check` and `serve`), and so is text written unescaped or",
            "HTML written escaped: write text as `{{title}}` and HTML, which sitegen made safe, as `{{{body}}}`.",
            "An optional field is absent on some values; `{{#name}}…{{/name}}` shows only when it is there.",
            "Partials (`{{>partials/status}}`) read the fields where they are used.",
            "",
            "| Template | Renders | Fields |",
            "|---|---|---|",
        ]
        for template in Templates.all {
            let parts = template.model.parts.map { link($0) }.joined(separator: " and ")
            lines.append("| `\(template.name).mustache` | \(template.renders) | \(parts) |")
        }
        for model in modelsInOrder() {
            lines += ["", "## `\(name(model))`", "", model.about, ""]
            guard !model.contract.isEmpty else {
                lines.append("No fields of its own.")
                continue
            }
            lines += ["| Field | Kind | What |", "|---|---|---|"]
            for field in model.contract {
                lines.append("| `\(field.name)` | \(describe(field.kind))\(field.optional ? ", optional" : "") | \(field.about.replacingOccurrences(of: "|", with: "\\|")) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every view model, each once, in the order the templates first reach it.
    private static func modelsInOrder() -> [any ViewModel.Type] {
        var queue = Templates.all.flatMap { $0.model.parts }
        var seen = Set<ObjectIdentifier>()
        var ordered: [any ViewModel.Type] = []
        while !queue.isEmpty {
            let model = queue.removeFirst()
            guard seen.insert(ObjectIdentifier(model)).inserted else { continue }
            ordered.append(model)
            queue += model.contract.flatMap { nested($0.kind) }
        }
        return ordered
    }

    /// The view models a field's value is made of (a `Boxed` one's is the one it holds).
    private static func nested(_ kind: FieldKind) -> [any ViewModel.Type] {
        switch kind {
        case .model(let model): model.parts
        case .list(let element): nested(element)
        default: []
        }
    }

    private static func describe(_ kind: FieldKind) -> String {
        switch kind {
        case .text: "text"
        case .html: "HTML"
        case .flag: "true or false"
        case .number: "number"
        case .strings: "strings"
        case .model(let model): model.parts.map { link($0) }.joined(separator: " and ")
        case .list(let element): "list of \(describe(element))"
        }
    }

    private static func name(_ model: any TemplateModel.Type) -> String {
        String(describing: model)
    }

    private static func link(_ model: any TemplateModel.Type) -> String {
        "[`\(name(model))`](#\(name(model).lowercased()))"
    }
}
