/// An address a content file gives that is written into an `href`: a web address (`http`,
/// `https`) or a path on this site (`/…`), nothing else. These fields never pass through the
/// Markdown sanitiser, and extracted agency data is untrusted, so every URL a content file can
/// give (a source's `url`, sources.yaml, `baseURL`, an embedded post's `url`) is checked here,
/// by one rule, and the model holds only checked ones.
public struct SafeURL: Sendable, Hashable, CustomStringConvertible {
    /// As written.
    public let text: String

    public var description: String { text }

    enum Kind {
        /// A link: a web address, or a path on this site.
        case link
        /// `baseURL`: the full address of the site's folder, which every link starts with.
        case siteAddress
        /// A page on another site (an embedded post or video): a full web address.
        case elsewhere
    }

    struct Problem: Error {
        var message: String
    }

    /// Checks `text`, the value of `key`; the problem's message names the key and the fix.
    static func check(_ text: String, key: String, kind: Kind = .link) -> Result<SafeURL, Problem> {
        func problem(_ message: String) -> Result<SafeURL, Problem> { .failure(Problem(message: "`\(key)` \(message)")) }
        let example = switch kind {
        case .link: "https://www.reuters.com/"
        case .siteAddress: "https://example.org/kasakhstan/"
        case .elsewhere: "https://twitter.com/..."
        }
        let fullAddress = "must be a full address starting with https://, e.g. `\(example)`"
        // Judge the scheme the way a browser reads an href: it drops spaces and control characters
        // around the address and tabs and line breaks inside it ("  java\tscript:" is `javascript:`).
        let read = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }))
            .trimmingCharacters(in: CharacterSet(charactersIn: " ").union(.controlCharacters))
        if let scheme = scheme(of: read), scheme != "http", scheme != "https" {
            let allowed = kind == .link ? "a web address starting with https:// or a path on this site starting with /" : "a full address starting with https://"
            return problem("must be \(allowed), not a `\(scheme):` link")
        }
        if let bad = text.unicodeScalars.first(where: { forbidden($0, kind: kind) }) {
            return problem(describe(bad, kind: kind))
        }
        if scheme(of: text) != nil {
            let rest = text.drop(while: { $0 != ":" }).dropFirst()
            let host = rest.hasPrefix("//") ? rest.dropFirst(2).prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" }) : ""
            guard !host.isEmpty else { return problem(fullAddress) }
            return .success(SafeURL(text: text))
        }
        if text.hasPrefix("//") {
            return problem("starts with `//`; write the whole address, `https:\(text)`")
        }
        if text.hasPrefix("/"), kind == .link {
            return .success(SafeURL(text: text))
        }
        let firstPart = text.prefix(while: { $0 != "/" })
        if firstPart.contains("."), !firstPart.hasPrefix(".") {
            return problem("must start with https:// or http://; did you mean `https://\(text)`?")
        }
        if kind != .link { return problem(fullAddress) }
        return problem("must be a web address starting with https:// or a path on this site starting with /, e.g. `/kilder/`")
    }

    /// `javascript` in `javascript:…`, lowercased; nil when the text starts with no scheme.
    private static func scheme(of text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let name = text[..<colon]
        guard let first = name.first, first.isASCII, first.isLetter,
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return name.lowercased()
    }

    /// Characters no link may hold as written; `baseURL`, which every link starts with,
    /// may also hold no query, fragment or apostrophe.
    private static func forbidden(_ scalar: Unicode.Scalar, kind: Kind) -> Bool {
        if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control { return true }
        return "\"<>\\`".unicodeScalars.contains(scalar) || (kind == .siteAddress && "'?#".unicodeScalars.contains(scalar))
    }

    private static func describe(_ scalar: Unicode.Scalar, kind: Kind) -> String {
        switch scalar {
        case " ": return "contains a space; write it as %20"
        case "\t": return "contains a tab; remove it"
        case "\n", "\r": return "contains a line break; remove it"
        case "?", "#": return "cannot contain `\(scalar)`: it is the address of the site's folder, e.g. `https://example.org/kasakhstan/`"
        default:
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control {
                return "contains the invisible character \(scalar.codePoint); remove it"
            }
            return "contains `\(scalar)`, which a link cannot hold; write it as %\(String(scalar.value, radix: 16, uppercase: true))"
        }
    }
}

import Foundation
