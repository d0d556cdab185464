/// A Mustache template as nodes, with where each tag stands. The tokens and their whitespace
/// are those of swift-mustache's parser (which reads every template first and reports its
/// syntax errors): standalone tags take their line with them, a standalone partial's
/// indentation is kept for its lines, and text is split at line ends as it splits it.
indirect enum MustacheNode {
    case text(String)
    case variable(MustacheTag, escaped: Bool)
    case section(MustacheTag, inverted: Bool, body: [MustacheNode])
    /// `{{>name}}`, or with `overrides` `{{<name}}…{{/name}}`, whose `{{$block}}`s replace the parent's.
    case partial(name: String, indentation: String?, overrides: [String: [MustacheNode]]?, location: SourceLocation)
    /// `{{$name}}default{{/name}}` where a parent template is filled in.
    case block(name: String, defaultBody: [MustacheNode], indentation: String?)
    /// `{{$name}}…{{/name}}` inside `{{<parent}}`: collected into the parent's overrides.
    case blockDefinition(name: String, body: [MustacheNode])
}

extension [MustacheNode] {
    /// `{{>name}}` and `{{<name}}` with where they stand, in sections and blocks too.
    var partialReferences: [(name: String, location: SourceLocation)] {
        flatMap { node -> [(name: String, location: SourceLocation)] in
            switch node {
            case .text, .variable: []
            case .section(_, _, let body), .block(_, let body, _), .blockDefinition(_, let body): body.partialReferences
            case .partial(let name, _, let overrides, let location):
                [(name, location)] + (overrides ?? [:]).sorted { $0.key < $1.key }.flatMap(\.value.partialReferences)
            }
        }
    }
}

/// A name as a tag writes it: `page.title`, or `empty(places)` as `places` with the transform `empty`.
struct MustacheTag {
    var name: String
    var transforms: [String]
    var location: SourceLocation

    /// As written in the template, for diagnostics.
    var written: String {
        transforms.reduce(name) { inner, transform in "\(transform)(\(inner))" }
    }
}

struct MustacheParser {
    struct SyntaxError: Error {
        var location: SourceLocation
        /// Where the section opens that is never closed, if that is what is wrong.
        var unclosedSection: SourceLocation?
    }

    private let characters: [Character]
    private let path: String
    private var position = 0

    static func parse(_ text: String, path: String) throws(SyntaxError) -> [MustacheNode] {
        var parser = MustacheParser(characters: Array(text), path: path)
        do {
            return try parser.parse(State())
        } catch {
            throw SyntaxError(location: parser.location(of: parser.position), unclosedSection: error.unclosedSection)
        }
    }

    /// Where a section opens that is never closed: swift-mustache notices one at the end of
    /// the file, but the editor needs its opening tag.
    static func unclosedSection(in text: String, path: String) -> SourceLocation? {
        do {
            _ = try parse(text, path: path)
            return nil
        } catch {
            return error.unclosedSection
        }
    }

    private init(characters: [Character], path: String) {
        self.characters = characters
        self.path = path
    }

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var sectionLocation: SourceLocation?
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var start = "{{"
        var end = "}}"
        var partialDefinitionIndent: String?

        func inSection(_ name: String, at location: SourceLocation, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionLocation = location
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }
    }

    private struct Failure: Error {
        var unclosedSection: SourceLocation?
    }

    private var current: Character { position < characters.count ? characters[position] : "\0" }
    private var atEnd: Bool { position >= characters.count }

    private mutating func parse(_ initial: State) throws(Failure) -> [MustacheNode] {
        var nodes: [MustacheNode] = []
        var state = initial
        var whiteSpaceBefore = ""
        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
            whiteSpaceBefore = ""
        }
        while !atEnd {
            if state.newLine {
                let whiteSpace = read { $0 == " " || $0 == "\t" }
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = String(whiteSpace.dropFirst(indent.count))
                    } else {
                        state.partialDefinitionIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = readTextUntilTag(state)
            if current == "\n" || current == "\r\n" {
                nodes.append(.text(whiteSpaceBefore + text + String(current)))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if atEnd { break }
            let tagStart = location(of: position - state.start.count)
            var newLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let (name, transforms) = try readName(state)
                if isStandalone(state) { newLine = true } else { flushWhiteSpace() }
                let body = try parse(state.inSection(name, at: tagStart, newLine: newLine, transforms: transforms))
                nodes.append(.section(MustacheTag(name: name, transforms: transforms, location: tagStart), inverted: inverted, body: body))
            case "/":
                position += 1
                let (name, transforms) = try readName(state)
                guard name == state.sectionName, transforms == state.sectionTransforms else { throw Failure() }
                if !isStandalone(state) { flushWhiteSpace() }
                return nodes
            case "!":
                position += 1
                guard readPast(state.end) else { throw Failure() }
                newLine = isStandalone(state)
            case "{", "&":
                let triple = current == "{"
                flushWhiteSpace()
                position += 1
                let (name, transforms) = try readName(state)
                if triple { guard current == "}" else { throw Failure() }; position += 1 }
                nodes.append(.variable(MustacheTag(name: name, transforms: transforms, location: tagStart), escaped: false))
            case ">":
                position += 1
                _ = read(while: \.isWhitespace)
                let name = try readPartialName(state)
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                let standalone = isStandalone(state)
                newLine = standalone
                nodes.append(.partial(name: name, indentation: standalone ? whiteSpaceBefore : nil, overrides: nil, location: tagStart))
                whiteSpaceBefore = ""
            case "<":
                position += 1
                _ = read(while: \.isWhitespace)
                let name = try readPartialName(state)
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                newLine = isStandalone(state)
                var inner = state
                inner.sectionName = name
                inner.sectionLocation = tagStart
                inner.sectionTransforms = []
                (inner.newLine, inner.isPartialDefinition, inner.isPartialDefinitionTopLevel) = (true, true, true)
                var overrides: [String: [MustacheNode]] = [:]
                for node in try parse(inner) {
                    switch node {
                    case .blockDefinition(let block, let body): overrides[block] = body
                    case .text: break
                    default: throw Failure()
                    }
                }
                nodes.append(.partial(name: name, indentation: whiteSpaceBefore, overrides: overrides, location: tagStart))
                whiteSpaceBefore = ""
            case "$":
                position += 1
                let (name, transforms) = try readName(state)
                guard transforms.isEmpty else { throw Failure() }
                if state.isPartialDefinitionTopLevel {
                    newLine = isStandalone(state)
                    nodes.append(.blockDefinition(name: name, body: try parse(state.inSection(name, at: tagStart, newLine: newLine))))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                    newLine = isStandalone(state)
                    let body = try parse(state.inSection(name, at: tagStart, newLine: newLine))
                    nodes.append(.block(name: name, defaultBody: body, indentation: whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
            case "=":
                position += 1
                state = try readDelimiters(state)
                newLine = isStandalone(state)
            case "%":
                // A pragma: swift-mustache's content types; sitegen's templates are HTML.
                position += 1
                guard readPast(state.end) else { throw Failure() }
                newLine = isStandalone(state)
            default:
                flushWhiteSpace()
                let (name, transforms) = try readName(state)
                nodes.append(.variable(MustacheTag(name: name, transforms: transforms, location: tagStart), escaped: true))
            }
            state.newLine = newLine
        }
        guard state.sectionName == nil else { throw Failure(unclosedSection: state.sectionLocation) }
        return nodes
    }

    /// Text up to a line end or the start of a tag, which is read past.
    private mutating func readTextUntilTag(_ state: State) -> String {
        var text = ""
        let first = state.start.first!
        while !atEnd {
            let character = current
            if character == "\n" || character == "\r\n" { break }
            if character == first {
                if matches(state.start) {
                    position += state.start.count
                    break
                }
            }
            text.append(character)
            position += 1
        }
        return text
    }

    /// A standalone tag is alone on its line: the rest of the line, up to and with its end, goes.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var probe = position
        while probe < characters.count, characters[probe] == " " || characters[probe] == "\t" { probe += 1 }
        let next: Character = probe < characters.count ? characters[probe] : "\0"
        guard next.isNewline else { return false }
        position = probe + 1
        return true
    }

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")

    private mutating func readName(_ state: State) throws(Failure) -> (String, [String]) {
        _ = read(while: \.isWhitespace)
        let text = read { Self.nameCharacters.contains($0) }
        _ = read(while: \.isWhitespace)
        guard readPast(state.end, only: true) else { throw Failure() }
        // `empty(places)`: transforms from the outermost in, then the name.
        var transforms: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "(") {
            transforms.append(String(rest[..<open]))
            rest = rest[rest.index(after: open)...]
        }
        let name = rest.prefix { $0 != ")" }
        return (String(name), transforms)
    }

    private mutating func readPartialName(_ state: State) throws(Failure) -> String {
        _ = read(while: \.isWhitespace)
        let name = read { Self.nameCharacters.contains($0) || $0 == "/" }
        _ = read(while: \.isWhitespace)
        guard readPast(state.end, only: true) else { throw Failure() }
        return name
    }

    private mutating func readDelimiters(_ state: State) throws(Failure) -> State {
        _ = read(while: \.isWhitespace)
        let start = read { !$0.isWhitespace }
        _ = read(while: \.isWhitespace)
        let end = read { $0 != "=" && !$0.isWhitespace }
        _ = read(while: \.isWhitespace)
        guard current == "=" else { throw Failure() }
        position += 1
        guard readPast(state.end, only: true), !start.isEmpty, !end.isEmpty else { throw Failure() }
        var next = state
        (next.start, next.end) = (start, end)
        next.isPartialDefinitionTopLevel = false
        return next
    }

    private func matches(_ string: String) -> Bool {
        var probe = position
        for character in string {
            guard probe < characters.count, characters[probe] == character else { return false }
            probe += 1
        }
        return true
    }

    /// Past `string`: at the current position when `only`, else at its next occurrence.
    private mutating func readPast(_ string: String, only: Bool = false) -> Bool {
        while !atEnd {
            if matches(string) {
                position += string.count
                return true
            }
            if only { return false }
            position += 1
        }
        return false
    }

    private mutating func read(while include: (Character) -> Bool) -> String {
        let start = position
        while !atEnd, include(characters[position]) { position += 1 }
        return String(characters[start..<position])
    }

    /// Tags are placed in order, so each count goes on from the last one: counting from the
    /// top for each tag made a template's parse grow with the square of its length.
    private var counted = (index: 0, line: 1, column: 1)

    private mutating func location(of index: Int) -> SourceLocation {
        let index = min(index, characters.count)
        if index < counted.index { counted = (0, 1, 1) }
        var (line, column) = (counted.line, counted.column)
        for character in characters[counted.index..<index] {
            if character == "\n" || character == "\r\n" { (line, column) = (line + 1, 1) } else { column += 1 }
        }
        counted = (index, line, column)
        return SourceLocation(path: path, line: line, column: column)
    }
}
