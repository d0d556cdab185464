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
    /// The language's quotes, dashes and ellipsis in texts (`markdown: {typography: false}` turns it off).
    public var typography = true
    /// `map:`: the story's country and the readers' (see Map/MapModel.swift).
    public var map = MapSettings()
    /// `image:`: the share image (`og:image`) of pages that show no photo; a path below content/.
    public var shareImage: Located<String>? = nil
    /// `brand:`: the newsroom's name, colour and logo in the masthead.
    public var brand = Brand(name: "")
    /// `authors:`: the byline of a page or article that names none.
    public var authors: [String] = []
    /// `contentLanguage:`: the language the content is written in (BCP 47), for `lang` on it;
    /// `language` when not given. An English build of Danish content keeps its text marked Danish.
    public var contentLanguage = ""

    /// The content's language where it differs from the interface's, for `lang` on the content.
    public var contentLanguageIfOther: String? {
        contentLanguage == language ? nil : contentLanguage
    }
    /// `newWindow:`: how long before the build time an event's change counts as new, in seconds.
    public var newWindow = NewWindow.defaultSeconds

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
