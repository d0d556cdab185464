import Testing
@testable import SiteGen

@Suite("Safe URLs")
struct SafeURLTests {
    @Test("Web addresses and paths on this site pass as written", arguments: [
        "https://www.reuters.com/world/asia-pacific/", "http://example.org", "HTTPS://Example.org/a?b=c#d", "/kilder/", "/",
    ])
    func accepted(_ text: String) throws {
        let url = try SafeURL.check(text, key: "url").get()
        #expect(url.text == text)
    }

    @Test("Any other scheme is refused, however it is spelt", arguments: [
        ("javascript:alert(document.domain)", "javascript"), ("JAVASCRIPT:alert(1)", "javascript"),
        ("data:text/html,<script>alert(1)</script>", "data"), ("  java\tscript:alert(1)", "javascript"),
        ("java\nscript:alert(1)", "javascript"), ("\u{1}javascript:alert(1)", "javascript"), ("vbscript:msgbox", "vbscript"),
        ("mailto:redaktion@example.org", "mailto"), ("file:///etc/passwd", "file"),
    ])
    func otherSchemes(text: String, scheme: String) {
        #expect(message(text) == "`url` must be a web address starting with https:// or a path on this site starting with /, not a `\(scheme):` link")
    }

    @Test("Addresses that are not whole say how to complete them", arguments: [
        ("www.reuters.com", "`url` must start with https:// or http://; did you mean `https://www.reuters.com`?"),
        ("//evil.example/x", "`url` starts with `//`; write the whole address, `https://evil.example/x`"),
        ("/\\evil.example", "`url` contains `\\`, which a link cannot hold; write it as %5C"),
        ("https://", "`url` must be a full address starting with https://, e.g. `https://www.reuters.com/`"),
        ("https:evil.example", "`url` must be a full address starting with https://, e.g. `https://www.reuters.com/`"),
        ("kilder/", "`url` must be a web address starting with https:// or a path on this site starting with /, e.g. `/kilder/`"),
        ("https://example.org/a b", "`url` contains a space; write it as %20"),
        ("https://example.org/\"onmouseover=\"x", "`url` contains `\"`, which a link cannot hold; write it as %22"),
        ("https://example.org/\u{7}", "`url` contains the invisible character U+0007; remove it"),
    ])
    func incomplete(text: String, expected: String) {
        #expect(message(text) == expected)
    }

    @Test("baseURL is a full address with no query, fragment or quote", arguments: [
        ("https://example.org/kasakhstan/?x=1", "`baseURL` cannot contain `?`: it is the address of the site's folder, e.g. `https://example.org/kasakhstan/`"),
        ("https://example.org/#top", "`baseURL` cannot contain `#`: it is the address of the site's folder, e.g. `https://example.org/kasakhstan/`"),
        ("https://example.org/o'brien/", "`baseURL` contains `'`, which a link cannot hold; write it as %27"),
        ("https://example.org/my site/", "`baseURL` contains a space; write it as %20"),
        ("/kasakhstan/", "`baseURL` must be a full address starting with https://, e.g. `https://example.org/kasakhstan/`"),
        ("javascript:alert(1)//", "`baseURL` must be a full address starting with https://, not a `javascript:` link"),
    ])
    func siteAddress(text: String, expected: String) {
        #expect(message(text, key: "baseURL", kind: .siteAddress) == expected)
    }

    @Test("A page on another site (an embedded post) is a full web address, query and fragment allowed", arguments: [
        ("https://www.youtube.com/watch?v=abc#t=10", nil),
        ("javascript:alert(1)", "`url` must be a full address starting with https://, not a `javascript:` link"),
        ("/artikler/x/", "`url` must be a full address starting with https://, e.g. `https://twitter.com/...`"),
        ("twitter.com/x/status/1", "`url` must start with https:// or http://; did you mean `https://twitter.com/x/status/1`?"),
        ("https://twitter.com/a b", "`url` contains a space; write it as %20"),
    ])
    func elsewhere(text: String, expected: String?) {
        #expect(message(text, kind: .elsewhere) == expected)
    }

    private func message(_ text: String, key: String = "url", kind: SafeURL.Kind = .link) -> String? {
        guard case .failure(let problem) = SafeURL.check(text, key: key, kind: kind) else { return nil }
        return problem.message
    }
}
