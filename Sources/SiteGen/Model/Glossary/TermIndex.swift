import Markdown

/// Every name of every glossary term in all its forms, filed under its first word, so that
/// reading a text costs one dictionary lookup per word however many terms there are.
struct TermIndex: Sendable {
    /// One written form of a term's name, as text must spell it.
    struct Phrase: Sendable {
        var term: Int
        var first: Word
        /// The words after the first; empty for a one-word name.
        var rest: [Word]
        /// For an acronym, every word exactly as written: acronyms match only in capitals.
        var exact: [String]?
        /// What inflection added to the name (`'s` in `LPG's`), kept outside `<abbr>`.
        var ending: String
    }

    /// A word of a name: its fingerprint, and where its lowercased scalars are in `scalars`.
    struct Word: Sendable {
        var fingerprint: UInt64
        var start: Int
        var count: Int
    }

    /// The lowercased scalars of every word of every name, one after another. A name's words
    /// point into it, so a word of text is compared with one in plain memory: a word's own
    /// array was counted in and out around every comparison, and a glossary's names are in
    /// most paragraphs of the site.
    private(set) var scalars: [UInt32] = []

    /// Whether `word` of `bytes` spells the name word `name`; `scalars` is this index's.
    static func spells(_ name: Word, _ word: TextWords.Word, in bytes: UnsafeBufferPointer<UInt8>, scalars: UnsafeBufferPointer<UInt32>) -> Bool {
        FoldedWord.spells(UnsafeBufferPointer(rebasing: scalars[name.start..<name.start + name.count]), word, in: bytes)
    }

    private mutating func file(_ word: FoldedWord) -> Word {
        defer { scalars += word.folded }
        return Word(fingerprint: word.fingerprint, start: scalars.count, count: word.folded.count)
    }

    /// The fingerprint of a word → the one-word names it is.
    private(set) var singleWords = FingerprintTable<[Phrase]>([:])
    /// The fingerprints of two words (`pairKey`) → the names of two or more words starting
    /// with them, longest first. Keyed by two words, not one: a glossary with many names that
    /// start alike (`undtagelsestilstand`, `undtagelsestilstand i Almaty`, …) would otherwise
    /// make every use of the common word try them all.
    private(set) var longerNames = FingerprintTable<[Phrase]>([:])

    /// One bit per fingerprint (its low 16 bits) of every name's first word: most words of a
    /// text start no name, and this answers that without the two table lookups.
    private var firstWords = BitTable(count: 1 << 16)

    func mayStartName(_ fingerprint: UInt64) -> Bool {
        firstWords.contains(Int(truncatingIfNeeded: fingerprint & 0xFFFF))
    }

    private mutating func addFirstWord(_ fingerprint: UInt64) {
        firstWords.insert(Int(truncatingIfNeeded: fingerprint & 0xFFFF))
    }

    static func pairKey(_ first: UInt64, _ second: UInt64) -> UInt64 {
        (first &* 0x9E37_79B9_7F4A_7C15) ^ second
    }
    /// The site-absolute path of each term's page (`/ordliste/lpg/`), as editors link to it.
    let paths: [String]
    private let termByPath: [String: Int]
    /// For each term, the `title` of its `<abbr>`: its expansion, else its short definition.
    let abbreviationTitles: [String]

    /// The term whose page `destination` (a link as written in Markdown) points to, if any.
    func term(linkedBy destination: String) -> Int? {
        guard destination.hasPrefix("/") else { return nil }
        var path = destination.prefix { $0 != "#" && $0 != "?" }
        if !path.hasSuffix("/") { path += "/" }
        return termByPath[String(path)]
    }

    /// Builds the index and reports names that two terms share: a word can link to one entry only.
    static func build(_ terms: [GlossaryTerm], routes: Routes) -> (TermIndex, [Diagnostic]) {
        assemble(terms, routes: routes, forms: terms.map(Form.all))
    }

    /// The same, with each term's forms made in parallel: inflecting a large glossary's names
    /// took a tenth of a second on one core while the other waited.
    static func build(_ terms: [GlossaryTerm], routes: Routes) async -> (TermIndex, [Diagnostic]) {
        assemble(terms, routes: routes, forms: await terms.concurrentMap(Form.all))
    }

    /// One written form of a term's name, read as the index files it.
    private struct Form: Sendable {
        var key: String
        var ending: String
        /// The form's words, the first apart.
        var first: FoldedWord
        var rest: [FoldedWord]
        var exact: [String]?

        /// Every form of every name of `term`: names are inflected (`TermForms`); irregular
        /// forms are written out whole.
        static func all(of term: GlossaryTerm) -> [Form] {
            let inflected = ([term.title] + term.aliases.map(\.value)).flatMap { name in
                let isAcronym = TermForms.isAcronym(name)
                return TermForms.forms(of: name).map { ($0.form, $0.ending, isAcronym) }
            }
            return (inflected + term.forms.map { ($0.value, "", TermForms.isAcronym($0.value)) }).compactMap { form, ending, isAcronym in
                let key = NameOwners.key(form)
                guard !key.isEmpty else { return nil }
                let words = TextWords.words(of: form)
                return Form(key: key, ending: ending, first: FoldedWord(words[0]),
                            rest: words.dropFirst().map(FoldedWord.init), exact: isAcronym ? words.map(String.init) : nil)
            }
        }
    }

    private static func assemble(_ terms: [GlossaryTerm], routes: Routes, forms termForms: [[Form]]) -> (TermIndex, [Diagnostic]) {
        let paths = terms.map { "/" + routes.term($0.slug) }
        var index = TermIndex(paths: paths, termByPath: Dictionary(paths.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }),
                              abbreviationTitles: terms.map { $0.expansion ?? $0.short })
        let (names, diagnostics) = NameOwners.claim(terms)
        let formCount = termForms.reduce(0) { $0 + $1.count }
        var owners = names.mapValues { Owner.term($0.term) }
        owners.reserveCapacity(formCount)
        // By index: a `for` over the forms copied each one, a retain of all it holds.
        for (number, forms) in termForms.enumerated() {
            for index in forms.indices {
                let key = forms[index].key
                switch owners[key] {
                case nil: owners[key] = .term(number)
                // A made form that two terms share links to neither; a name an editor wrote wins.
                case .term(let owner) where owner != number && names[key] == nil: owners[key] = .ambiguous
                default: break
                }
            }
        }
        var filed = Set<String>()
        filed.reserveCapacity(formCount)
        // Each phrase with its words after the first joined, to sort by: joined once, not
        // again for every comparison.
        var singles: [UInt64: [(Phrase, String)]] = [:]
        var longer: [UInt64: [(Phrase, String)]] = [:]
        for (number, forms) in termForms.enumerated() where terms[number].autolink {
            for form in forms where owners[form.key] == .term(number) {
                guard filed.insert(form.key).inserted else { continue }
                let phrase = Phrase(term: number, first: index.file(form.first), rest: form.rest.map { index.file($0) }, exact: form.exact, ending: form.ending)
                let sortKey = form.rest.map(\.text).joined(separator: " ")
                index.addFirstWord(form.first.fingerprint)
                if let second = phrase.rest.first {
                    longer[pairKey(form.first.fingerprint, second.fingerprint), default: []].append((phrase, sortKey))
                } else {
                    singles[form.first.fingerprint, default: []].append((phrase, sortKey))
                }
            }
        }
        // Longest first, so `flydende gas` wins over a term `flydende`.
        let longestFirst = { (list: [(Phrase, String)]) in
            list.sorted { a, b in
                a.0.rest.count != b.0.rest.count ? a.0.rest.count > b.0.rest.count : (a.0.term, a.1) < (b.0.term, b.1)
            }.map(\.0)
        }
        index.singleWords = FingerprintTable(singles.mapValues(longestFirst))
        index.longerNames = FingerprintTable(longer.mapValues(longestFirst))
        return (index, diagnostics)
    }

    private init(paths: [String], termByPath: [String: Int], abbreviationTitles: [String]) {
        self.paths = paths
        self.termByPath = termByPath
        self.abbreviationTitles = abbreviationTitles
    }

    private enum Owner: Equatable {
        case term(Int)
        case ambiguous
    }
}

/// The names editors give terms (headwords, aliases, forms) and which term each belongs to.
private enum NameOwners {
    /// The lowercased words of a name, so `Flydende  gas` and `flydende gas` are one name.
    static func key(_ name: some StringProtocol) -> String {
        TextWords.words(of: String(name)).map { $0.lowercased() }.joined(separator: " ")
    }

    static func claim(_ terms: [GlossaryTerm]) -> ([String: (term: Int, location: SourceLocation)], [Diagnostic]) {
        var owners: [String: (term: Int, location: SourceLocation)] = [:]
        var diagnostics: [Diagnostic] = []
        // In file order, so the later file is the one told to change, the same on every run.
        let order = terms.indices.sorted { terms[$0].location.path < terms[$1].location.path }
        for number in order {
            let term = terms[number]
            let names = [Located(value: term.title, location: term.titleLocation)] + term.aliases + term.forms
            for name in names {
                let key = key(name.value)
                guard !key.isEmpty else { continue }
                guard let owner = owners[key] else {
                    owners[key] = (number, name.location)
                    continue
                }
                guard owner.term != number else { continue }
                let other = terms[owner.term]
                diagnostics.append(.error(name.location,
                    "`\(name.value)` is also a name of the term `\(other.title)` (\(owner.location.path):\(owner.location.line)); a word can link to one entry only, so remove it from one of the terms"))
            }
        }
        return (owners, diagnostics)
    }
}
