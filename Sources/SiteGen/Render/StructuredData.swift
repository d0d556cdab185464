/// schema.org data for search engines, as JSON-LD in the page head: each glossary entry is
/// a `DefinedTerm` in the glossary's `DefinedTermSet`.
enum StructuredData {
    static func definedTerm(_ index: Int, site: Site) -> String {
        let term = site.terms[index]
        var fields = termFields(term, site: site)
        fields.insert(("@context", .string("https://schema.org")), at: 0)
        if !term.aliases.isEmpty { fields.append(("alternateName", .array(term.aliases.map { .string($0.value) }))) }
        fields.append(("inDefinedTermSet", .object(setFields(site))))
        return JSON.object(fields).text
    }

    static func definedTermSet(_ site: Site) -> String {
        let fields = [("@context", JSON.string("https://schema.org"))] + setFields(site) + [
            ("inLanguage", .string(site.config.language)),
            ("hasDefinedTerm", .array(site.terms.map { .object(termFields($0, site: site)) })),
        ]
        return JSON.object(fields).text
    }

    private static func termFields(_ term: GlossaryTerm, site: Site) -> [(String, JSON)] {
        let url = site.config.absoluteURL(site.routes.term(term.slug))
        return [("@type", .string("DefinedTerm")), ("@id", .string(url)), ("name", .string(term.title)),
                ("description", .string(term.short)), ("url", .string(url))]
    }

    private static func setFields(_ site: Site) -> [(String, JSON)] {
        let url = site.config.absoluteURL(site.routes.glossary)
        return [("@type", .string("DefinedTermSet")), ("@id", .string(url)),
                ("name", .string("\(site.strings["glossary.title"]) – \(site.config.title)")), ("url", .string(url))]
    }
}

/// Just enough JSON for JSON-LD, with keys in the order written so output never changes.
private indirect enum JSON {
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    var text: String {
        switch self {
        case .string(let value): Self.quote(value)
        case .array(let items): "[" + items.map(\.text).joined(separator: ",") + "]"
        case .object(let fields): "{" + fields.map { Self.quote($0.0) + ":" + $0.1.text }.joined(separator: ",") + "}"
        }
    }

    /// Also escapes `<`, `>` and `&`, so no text can close the `<script>` element it sits in.
    private static func quote(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case _ where scalar.value < 0x20 || "<>&\u{2028}\u{2029}".unicodeScalars.contains(scalar):
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
