/// What `site.yaml` says about the whole site.
public struct SiteConfig: Sendable {
    public var title: String
    public var description: String
    /// BCP 47, e.g. `da` or `en`; picks the strings file and URL words.
    public var language: String
    /// Where site.yaml names the language, for the problem of a language without strings.
    var languageLocation = SourceLocation(path: "site.yaml")
    /// Always ends with `/`; may carry a path (`https://example.org/kasakhstan/`).
    public var baseURL: String
    /// IANA id of the readers' zone; times are also shown in it.
    public var timeZone: String
    public var publisher: String
    /// Lets raw HTML in Markdown through (`markdown: {unsafe: true}`).
    public var allowsRawHTML: Bool
    /// `map:`: the story's country and the readers' (see Map/MapModel.swift).
    public var map = MapSettings()

    /// The path part of `baseURL`, from `/` to its trailing `/`: what every site link starts with.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterHost = baseURL[schemeEnd.upperBound...].drop(while: { $0 != "/" })
        return afterHost.isEmpty ? "/" : String(afterHost)
    }

    /// The absolute URL of a site path such as `artikler/lpg/`.
    public func absoluteURL(_ path: String) -> String {
        baseURL + path
    }
}
