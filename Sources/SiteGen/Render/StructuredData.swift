/// schema.org data for search engines, as JSON-LD in the page head: each glossary entry is
/// a `DefinedTerm` in the glossary's `DefinedTermSet`.
enum StructuredData {
    static func definedTerm(_ index: Int, site: Site) -> String {
        let term = site.terms[index]
        var fields = termFields(term, site: site)
        fields["@context"] = .string("https://schema.org")
        if !term.aliases.isEmpty { fields["alternateName"] = .array(term.aliases.map { .string($0.value) }) }
        fields["inDefinedTermSet"] = .object(setFields(site))
        return JSONValue.object(fields).text
    }

    static func definedTermSet(_ site: Site) -> String {
        var fields = setFields(site)
        fields["@context"] = .string("https://schema.org")
        fields["inLanguage"] = .string(site.config.language)
        fields["hasDefinedTerm"] = .array(site.terms.map { .object(termFields($0, site: site)) })
        return JSONValue.object(fields).text
    }

    private static func termFields(_ term: GlossaryTerm, site: Site) -> [String: JSONValue] {
        let url = site.config.absoluteURL(site.routes.term(term.slug))
        return ["@type": .string("DefinedTerm"), "@id": .string(url), "name": .string(term.title),
                "description": .string(term.short), "url": .string(url)]
    }

    private static func setFields(_ site: Site) -> [String: JSONValue] {
        let url = site.config.absoluteURL(site.routes.glossary)
        return ["@type": .string("DefinedTermSet"), "@id": .string(url),
                "name": .string("\(site.strings["glossary.title"]) – \(site.config.title)"), "url": .string(url)]
    }
}
