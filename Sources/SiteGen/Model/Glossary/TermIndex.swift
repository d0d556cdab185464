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

    /// Files the words of `form`, each in `scalars`.
    private mutating func file(_ form: Form) -> [Word] {
        var start = 0
        return form.words.map { word in
            defer { start += word.count }
            scalars += form.folded[start..<start + word.count]
            return Word(fingerprint: word.fingerprint, start: scalars.count - word.count, count: word.count)
        }
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
    fileprivate struct Form: Sendable {
        /// The lowercased words, joined by spaces: two forms with one key are one name.
        var key: String
        var ending: String
        /// Every word's lowercased scalars, one after another.
        var folded: [UInt32]
        /// Each word's fingerprint and how many scalars of `folded` it has; never empty.
        var words: [(fingerprint: UInt64, count: Int)]
        var exact: [String]?
        /// The words after the first as written, joined by spaces: phrases sort by it.
        var sortKey: String

        /// Every form of every name of `term`: names are inflected (`TermForms`); irregular
        /// forms are written out whole.
        static func all(of term: GlossaryTerm) -> [Form] {
            let inflected = ([term.title] + term.aliases.map(\.value)).flatMap { name -> [Form] in
                let isAcronym = TermForms.isAcronym(name)
                guard let base = Form(name, ending: "", isAcronym: isAcronym) else { return [] }
                return [base] + TermForms.endings(of: name).compactMap { ending in
                    base.extended(by: ending, of: name) ?? Form(name + ending, ending: ending, isAcronym: isAcronym)
                }
            }
            return inflected + term.forms.compactMap { Form($0.value, ending: "", isAcronym: TermForms.isAcronym($0.value)) }
        }

        /// `text` read as text is: nil when it has no words.
        init?(_ text: String, ending: String, isAcronym: Bool) {
            let written = TextWords.words(of: text)
            guard !written.isEmpty else { return nil }
            let words = written.map(FoldedWord.init)
            self.words = words.map { ($0.fingerprint, $0.folded.count) }
            folded = words.flatMap(\.folded)
            key = words.map { NameOwners.string($0.folded[...]) }.joined(separator: " ")
            self.ending = ending
            exact = isAcronym ? written.map(String.init) : nil
            sortKey = written.dropFirst().joined(separator: " ")
        }

        /// This form of `name` with `ending` added to its last word, as reading `name + ending`
        /// would give it, without reading it again: a large glossary has tens of thousands of
        /// forms. Nil when the ending would not simply lengthen the last word (`name` ends in
        /// punctuation, or the ending is not letters).
        func extended(by ending: String, of name: String) -> Form? {
            guard let last = name.unicodeScalars.last, TextWords.isWordScalar(last), Self.lengthensWord(ending) else { return nil }
            var form = self
            form.ending = ending
            var fingerprint = words[words.count - 1].fingerprint
            var added: [UInt32] = []
            for scalar in ending.unicodeScalars { FoldedWord.fold(scalar.value) { added.append($0) } }
            for value in added { fingerprint = FoldedWord.fingerprint(fingerprint, adding: value) }
            form.folded += added
            form.words[words.count - 1] = (fingerprint, words[words.count - 1].count + added.count)
            form.key += NameOwners.string(added[...])
            if form.exact != nil { form.exact![words.count - 1] += ending }
            if words.count > 1 { form.sortKey += ending }
            return form
        }

        /// Whether text read on from a word through `ending` stays in that word: every scalar a
        /// letter or digit, or a joiner (`'s`) with one after it.
        private static func lengthensWord(_ ending: String) -> Bool {
            let scalars = Array(ending.unicodeScalars)
            return !scalars.isEmpty && scalars.indices.allSatisfy { index in
                TextWords.isWordScalar(scalars[index])
                    || (TextWords.isJoiner(scalars[index]) && index + 1 < scalars.count && TextWords.isWordScalar(scalars[index + 1]))
            }
        }
    }

    private static func assemble(_ terms: [GlossaryTerm], routes: Routes, forms termForms: consuming [[Form]]) -> (TermIndex, [Diagnostic]) {
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
        // Each phrase with its words after the first joined, to sort by: joined once, not
        // again for every comparison.
        var singles: [UInt64: [(Phrase, String)]] = [:]
        var longer: [UInt64: [(Phrase, String)]] = [:]
        for (number, forms) in termForms.enumerated() where terms[number].autolink {
            for form in forms.indices where owners[forms[form].key] == .term(number) {
                // Marked, so that another form of the term with the same words is not filed again.
                owners[forms[form].key] = .filed
                let words = index.file(forms[form])
                let phrase = Phrase(term: number, first: words[0], rest: Array(words.dropFirst()), exact: forms[form].exact, ending: forms[form].ending)
                index.addFirstWord(phrase.first.fingerprint)
                if let second = phrase.rest.first {
                    longer[pairKey(phrase.first.fingerprint, second.fingerprint), default: []].append((phrase, forms[form].sortKey))
                } else {
                    singles[phrase.first.fingerprint, default: []].append((phrase, forms[form].sortKey))
                }
            }
        }
        // Longest first, so `flydende gas` wins over a term `flydende`.
        let longestFirst = { (list: [(Phrase, String)]) in
            list.count == 1 ? [list[0].0] : list.sorted { a, b in
                a.0.rest.count != b.0.rest.count ? a.0.rest.count > b.0.rest.count : (a.0.term, a.1) < (b.0.term, b.1)
            }.map(\.0)
        }
        index.singleWords = FingerprintTable(singles.mapValues(longestFirst))
        index.longerNames = FingerprintTable(longer.mapValues(longestFirst))
        // Tens of thousands of forms, each a few allocations: freed while the glossary is used.
        BackgroundRelease.drop(consume termForms)
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
        /// The term's, and in the index.
        case filed
    }
}

/// The names editors give terms (headwords, aliases, forms) and which term each belongs to.
private enum NameOwners {
    /// The lowercased words of a name, so `Flydende  gas` and `flydende gas` are one name.
    static func key(_ name: String) -> String {
        TermIndex.Form(name, ending: "", isAcronym: false)?.key ?? ""
    }

    /// Lowercased scalars as a string.
    static func string(_ scalars: ArraySlice<UInt32>) -> String {
        var text = String.UnicodeScalarView()
        for value in scalars { if let scalar = Unicode.Scalar(value) { text.append(scalar) } }
        return String(text)
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
